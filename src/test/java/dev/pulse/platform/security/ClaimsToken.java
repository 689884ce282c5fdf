package dev.pulse.platform.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified token as MicroProfile JWT hands it over, made from its claims, for unit tests. */
final class ClaimsToken implements JsonWebToken {

    private final String name;
    private final Map<String, Object> claims;

    ClaimsToken(String name, Map<String, Object> claims) {
        this.name = name;
        this.claims = new HashMap<>(claims);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claim) {
        return (T) claims.get(claim);
    }
}
