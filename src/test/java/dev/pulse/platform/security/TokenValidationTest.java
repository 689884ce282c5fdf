package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonNumber;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenValidationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private static final KeyPair PULSE = pair();
    private static final KeyPair OTHER = pair();

    private final TokenValidation validation =
            TokenValidation.with(Clock.fixed(NOW, ZoneOffset.UTC), (RSAPublicKey) PULSE.getPublic());

    @Test
    void aTokenPulseSignedIsVerifiedWithItsClaimsTypedAsMicroProfileJwtHandsThemOut() {
        JsonWebToken jwt = validation.validate(" " + token(PULSE, JOSEObjectType.JWT, c -> c) + " ").orElseThrow();
        assertEquals("ada@pulse.test", jwt.getName());
        assertEquals("user", jwt.getClaim(Caller.KIND));
        assertEquals(42L, ((JsonNumber) jwt.getClaim(Caller.ACCOUNT_ID)).longValue());
        assertEquals(Set.of("pulse:live", "pulse:caliper"), jwt.getAudience());
        assertEquals(Set.of("user", "platform_admin"), jwt.getGroups());
        assertEquals(NOW.plusSeconds(60).getEpochSecond(), jwt.getExpirationTime());
        assertTrue(new TokenVersions() {
            public java.util.OptionalInt ofAccount(long id) {
                return java.util.OptionalInt.of(id == 42 ? 3 : 0);
            }

            public java.util.OptionalInt ofClient(String id) {
                return java.util.OptionalInt.empty();
            }
        }.isCurrent(jwt), "the version claim reads as the number it is");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertFalse(validation.validate(token(OTHER, JOSEObjectType.JWT, c -> c)).isPresent());
    }

    @Test
    void anEditedTokenIsRefusedEvenAfterTheOriginalWasVerified() {
        String token = token(PULSE, JOSEObjectType.JWT, c -> c);
        assertTrue(validation.validate(token).isPresent());
        String[] parts = token.split("\\.");
        String edited = parts[0] + "." + token(PULSE, JOSEObjectType.JWT, c -> c.claim(Caller.ACCOUNT_ID, 1)).split("\\.")[1]
                + "." + parts[2];
        assertFalse(validation.validate(edited).isPresent());
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertFalse(validation.validate(token(PULSE, JOSEObjectType.JWT,
                c -> c.expirationTime(Date.from(NOW)))).isPresent());
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertFalse(validation.validate(token(PULSE, JOSEObjectType.JWT, c -> c.issuer("elsewhere"))).isPresent());
    }

    @Test
    void aTokenWithoutItsIdOrWithAnotherTypeIsRefused() {
        assertFalse(validation.validate(token(PULSE, JOSEObjectType.JWT, c -> c.jwtID(null))).isPresent());
        assertFalse(validation.validate(token(PULSE, new JOSEObjectType("at+jwt"), c -> c)).isPresent());
        assertFalse(validation.validate(token(PULSE, null, c -> c)).isPresent());
    }

    @Test
    void textThatIsNoTokenIsRefused() {
        assertFalse(validation.validate("not-a-token").isPresent());
        assertFalse(validation.validate("e30.e30.e30").isPresent());
        assertFalse(validation.validate("  ").isPresent());
        assertFalse(validation.validate(null).isPresent());
    }

    private static String token(KeyPair keys, JOSEObjectType type, UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(TokenIssuer.ISSUER).subject("u-1").claim("upn", "ada@pulse.test").jwtID("j-1")
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(60)))
                .audience(List.of("pulse:live", "pulse:caliper"))
                .claim(Caller.KIND, Caller.KIND_USER).claim(Caller.ACCOUNT_ID, 42).claim(TokenVersions.CLAIM, 3)
                .claim("groups", List.of("user", "platform_admin"));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).build(),
                change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
