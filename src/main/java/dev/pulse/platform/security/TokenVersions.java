package dev.pulse.platform.security;

import jakarta.json.JsonNumber;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Revocation without shorter token lifetimes (docs/decisions/0013): every token carries the token
 * version of its account or API client in the claim {@code ver}, and is accepted only while the
 * account or client is active and still holds that version. Deactivating, changing a password or
 * rotating a secret raises the version, so every earlier token stops working. Identity keeps accounts
 * and clients, so it implements the port from remembered state (no read per request); platform, which
 * checks tokens, depends on no feature.
 */
public interface TokenVersions {

    String CLAIM = "ver";

    /** The current token version of an active account; empty when it is unknown or deactivated. */
    OptionalInt ofAccount(long accountId);

    /** The current token version of an enabled API client; empty when it is unknown or disabled. */
    OptionalInt ofClient(String clientId);

    /**
     * Whether a verified token's holder still accepts it. A token without the claim is version 0, which
     * every account and client held before its first revocation, so tokens issued before versions
     * existed keep working until their holder's first revocation and never after it.
     */
    default boolean isCurrent(JsonWebToken token) {
        Object kind = token.getClaim(Caller.KIND);
        OptionalInt current;
        if (Caller.KIND_USER.equals(kind)) {
            OptionalLong id = wholeNumber(token.getClaim(Caller.ACCOUNT_ID));
            if (id.isEmpty()) {
                return false;
            }
            current = ofAccount(id.getAsLong());
        } else if (Caller.KIND_CLIENT.equals(kind)) {
            Object id = token.getClaim(Caller.CLIENT_ID);
            if (id == null) {
                return false;
            }
            current = ofClient(String.valueOf(id));
        } else {
            return false;
        }
        Object claim = token.getClaim(CLAIM);
        OptionalLong version = claim == null ? OptionalLong.of(0) : wholeNumber(claim);
        return current.isPresent() && version.isPresent() && current.getAsInt() == version.getAsLong();
    }

    /** A numeric claim as MicroProfile JWT hands it out (a JSON number, or a Java number); empty otherwise. */
    private static OptionalLong wholeNumber(Object claim) {
        if (claim instanceof JsonNumber n && n.isIntegral()) {
            return OptionalLong.of(n.longValue());
        }
        if (claim instanceof Long || claim instanceof Integer) {
            return OptionalLong.of(((Number) claim).longValue());
        }
        return OptionalLong.empty();
    }
}
