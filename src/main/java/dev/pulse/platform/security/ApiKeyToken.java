package dev.pulse.platform.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An API key's client as the caller, in the claims a client token of the same client carries: kind
 * {@code client}, its {@code client_id}, the token version ({@code ver}) the key was issued under and
 * every family's audience. So a key passes exactly the checks a client token does (audience, version,
 * "a client's token" for Sunbird's pair) and {@link Caller} needs no second kind of credential.
 */
final class ApiKeyToken implements JsonWebToken {

    private static final Set<String> AUDIENCE = Set.copyOf(TokenAudience.claim(TokenAudience.EVERY_FAMILY));

    private final ApiKeys.KeyHolder holder;

    ApiKeyToken(ApiKeys.KeyHolder holder) {
        this.holder = holder;
    }

    @Override
    public String getName() {
        return holder.clientId();
    }

    @Override
    public Set<String> getAudience() {
        return AUDIENCE;
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of(Caller.KIND, Caller.CLIENT_ID, TokenVersions.CLAIM, "aud");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claim) {
        Object value = switch (claim) {
            case Caller.KIND -> Caller.KIND_CLIENT;
            case Caller.CLIENT_ID -> holder.clientId();
            case TokenVersions.CLAIM -> holder.tokenVersion();
            case "aud" -> AUDIENCE;
            default -> null;
        };
        return (T) value;
    }
}
