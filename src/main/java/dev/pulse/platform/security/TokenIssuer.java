package dev.pulse.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pulse.platform.api.ApiFamily;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs the RS256 JWTs of every API family; {@link TokenValidation} verifies them. */
@ApplicationScoped
public class TokenIssuer {

    public static final String ISSUER = "pulse";

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "PULSE_TOKEN_TTL", defaultValue = "P7D")
    Duration ttl;

    /** A token and the instant it stops being accepted. */
    public record IssuedToken(String token, Instant expiresAt, long expiresInSeconds) {
    }

    /** A token for an account, accepted by every API family; {@code version} is the account's token version. */
    public IssuedToken forAccount(long accountId, UUID uuid, String email, boolean platformAdmin, int version) {
        return forAccount(accountId, uuid, email, platformAdmin, version, TokenAudience.EVERY_FAMILY);
    }

    /**
     * A token for an account, accepted only by the given API families (its {@code aud} claim);
     * {@code version} is the account's token version, which revocation raises.
     */
    public IssuedToken forAccount(long accountId, UUID uuid, String email, boolean platformAdmin, int version,
            Set<ApiFamily> families) {
        JWTClaimsSet.Builder claims = base(uuid.toString(), email, version)
                .audience(TokenAudience.claim(families))
                .claim(Caller.ACCOUNT_ID, accountId)
                .claim(Caller.UUID_CLAIM, uuid.toString())
                .claim(Caller.KIND, Caller.KIND_USER)
                .claim("groups", platformAdmin ? List.of("user", Caller.PLATFORM_ADMIN) : List.of("user"));
        return sign(claims);
    }

    /** An API client's token; {@code version} is the client's token version, which revocation raises. */
    public IssuedToken forClient(String clientId, int version) {
        JWTClaimsSet.Builder claims = base(clientId, clientId, version)
                .audience(TokenAudience.claim(TokenAudience.EVERY_FAMILY))
                .claim(Caller.CLIENT_ID, clientId)
                .claim(Caller.KIND, Caller.KIND_CLIENT)
                .claim("groups", List.of("client"));
        return sign(claims);
    }

    private JWTClaimsSet.Builder base(String subject, String upn, int version) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("upn", upn)
                .claim(TokenVersions.CLAIM, version)
                .jwtID(UUID.randomUUID().toString());
    }

    private IssuedToken sign(JWTClaimsSet.Builder claims) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        claims.issueTime(Date.from(now)).expirationTime(Date.from(expires));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(JwtKeys.current().privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expires, ttl.toSeconds());
    }
}
