package dev.pulse.platform.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands MicroProfile JWT the public key of {@link JwtKeys} as {@code mp.jwt.verify.publickey},
 * so verification uses exactly the pair Pulse signs with, whether configured or generated.
 * <p>Nothing in the code refers to this class: MicroProfile Config finds it through
 * {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 */
public class JwtKeyConfigSource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PUBLIC_KEY, JwtKeys.current().publicPem());
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY.equals(propertyName) ? JwtKeys.current().publicPem() : null;
    }

    @Override
    public String getName() {
        return "pulse-jwt-keys";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
