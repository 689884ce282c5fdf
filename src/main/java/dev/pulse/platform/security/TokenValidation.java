package dev.pulse.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.pulse.platform.cache.Caches;
import dev.pulse.platform.input.JsonBodies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a raw token the way a MicroProfile JWT container does (docs/decisions/0022): a signed JWT
 * whose header says {@code typ: JWT} and {@code alg: RS256}, whose RS256 signature holds for the public
 * key of {@link JwtKeys}, which carries {@code iss}, {@code sub}, {@code exp}, {@code iat} and
 * {@code jti}, names its holder ({@code upn}, {@code preferred_username} or {@code sub}), was issued by
 * {@value TokenIssuer#ISSUER} and has not expired. Verified here rather than by the server's MP-JWT
 * identity store, whose credential type differs per server, so the one WAR runs on any of them.
 */
@ApplicationScoped
public class TokenValidation {

    /** How many verified tokens are remembered. */
    private static final int MAX_REMEMBERED = 20_000;

    private static final List<String> REQUIRED = List.of("iss", "sub", "exp", "iat", "jti");

    @Inject
    Clock clock;

    /**
     * Verified tokens by their exact text until they expire, so a client's repeated calls skip the RSA
     * check and parse. The text is the key, so an edited token is never a hit.
     */
    private Cache<String, JsonWebToken> verified;

    private JWSVerifier signature;

    /** For unit tests: a validation with its own clock and key, prepared. */
    static TokenValidation with(Clock clock, RSAPublicKey key) {
        TokenValidation validation = new TokenValidation();
        validation.clock = clock;
        validation.prepare(key);
        return validation;
    }

    @PostConstruct
    void prepare() {
        prepare(JwtKeys.current().publicKey());
    }

    private void prepare(RSAPublicKey key) {
        verified = Caches.expiringAt(MAX_REMEMBERED,
                (text, jwt) -> Instant.ofEpochSecond(jwt.getExpirationTime()), clock);
        signature = new RSASSAVerifier(key);
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
        Optional<JsonWebToken> checked = verify(text);
        checked.ifPresent(jwt -> verified.put(text, jwt));
        return checked;
    }

    private Optional<JsonWebToken> verify(String text) {
        SignedJWT jwt;
        JsonObject claims;
        try {
            jwt = SignedJWT.parse(text);
            if (!JOSEObjectType.JWT.equals(jwt.getHeader().getType())
                    || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            try (JsonReader reader = JsonBodies.provider().createReader(new StringReader(jwt.getPayload().toString()))) {
                claims = reader.readObject();
            }
        } catch (ParseException | JsonException | IllegalStateException e) {
            return Optional.empty();
        }
        if (!REQUIRED.stream().allMatch(claims::containsKey)
                || VerifiedToken.holder(claims) == null
                || !(claims.get("iss") instanceof JsonString iss) || !TokenIssuer.ISSUER.equals(iss.getString())
                || !(claims.get("exp") instanceof JsonNumber exp) || !(claims.get("iat") instanceof JsonNumber iat)) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        if (now >= exp.longValue() || iat.longValue() >= exp.longValue()) {
            return Optional.empty();
        }
        try {
            if (!jwt.verify(signature)) {
                return Optional.empty();
            }
        } catch (JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedToken(claims));
    }
}
