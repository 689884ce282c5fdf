package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenVersionsTest {

    /** Account 7 holds version 2, account 8 is deactivated; client "c" holds version 0. */
    private final TokenVersions versions = new TokenVersions() {
        @Override
        public OptionalInt ofAccount(long accountId) {
            return accountId == 7 ? OptionalInt.of(2) : OptionalInt.empty();
        }

        @Override
        public OptionalInt ofClient(String clientId) {
            return "c".equals(clientId) ? OptionalInt.of(0) : OptionalInt.empty();
        }
    };

    /** Claims as MicroProfile JWT hands custom ones out: numbers as JSON numbers, text as strings. */
    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "t";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    private static JsonWebToken user(long id, Integer version) {
        Map<String, Object> claims = new HashMap<>(Map.of("kind", "user", "account_id", Json.createValue(id)));
        if (version != null) {
            claims.put("ver", Json.createValue(version));
        }
        return token(claims);
    }

    @Test
    void aUserTokenIsCurrentOnlyWithItsAccountsVersion() {
        assertTrue(versions.isCurrent(user(7, 2)));
        assertFalse(versions.isCurrent(user(7, 1)), "issued before the last revocation");
        assertFalse(versions.isCurrent(user(8, 0)), "a deactivated account");
        assertFalse(versions.isCurrent(token(Map.of("kind", "user", "account_id", Json.createValue(7),
                "ver", Json.createValue(2.5)))));
    }

    @Test
    void aTokenWithoutTheClaimIsVersionZero() {
        assertFalse(versions.isCurrent(user(7, null)), "account 7 was revoked twice");
        assertTrue(versions.isCurrent(token(Map.of("kind", "client", "client_id", "c"))));
    }

    @Test
    void aClientTokenIsCheckedAgainstItsClient() {
        assertTrue(versions.isCurrent(token(Map.of("kind", "client", "client_id", "c", "ver", Json.createValue(0)))));
        assertFalse(versions.isCurrent(token(Map.of("kind", "client", "client_id", "gone", "ver", Json.createValue(0)))));
        assertFalse(versions.isCurrent(token(Map.of("kind", "robot"))));
    }
}
