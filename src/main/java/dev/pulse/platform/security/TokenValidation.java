package dev.pulse.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.platform.cache.Caches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Validates a raw token through MicroProfile JWT: the identity store that {@code @LoginConfig(MP-JWT)}
 * installs checks signature, issuer, expiry and type with the mp.jwt.verify.* configuration.
 * The store accepts only Payara's own credential type, which is not on our compile path, so it is
 * built by name once; everything else is standard Jakarta Security.
 */
@ApplicationScoped
public class TokenValidation {

    private static final String CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

    /** How many verified tokens are remembered. */
    private static final int MAX_REMEMBERED = 20_000;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Clock clock;

    /**
     * Verified tokens by their exact text until they expire, so a client's repeated calls skip the RSA
     * check and parse. The text is the key, so an edited token is never a hit.
     */
    private Cache<String, JsonWebToken> verified;

    private MethodHandle newCredential;

    @PostConstruct
    void prepare() {
        verified = Caches.expiringAt(MAX_REMEMBERED,
                (text, jwt) -> Instant.ofEpochSecond(jwt.getExpirationTime()), clock);
        try {
            Class<?> type = Class.forName(CREDENTIAL, true, Thread.currentThread().getContextClassLoader());
            newCredential = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MicroProfile JWT's credential type is not available in this server", e);
        }
    }

    /** The verified token, or empty when it is forged, expired, malformed or from another issuer. */
    public Optional<JsonWebToken> validate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String text = token.trim();
        JsonWebToken known = verified.getIfPresent(text);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Credential credential = (Credential) newCredential.invoke(text);
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID
                    && result.getCallerPrincipal() instanceof JsonWebToken jwt) {
                verified.put(text, jwt);
                return Optional.of(jwt);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        } catch (Throwable e) {
            throw new IllegalStateException("Token validation failed unexpectedly", e);
        }
    }
}
