package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiFamily;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ApiKeyTokenTest {

    /** Client "c" holds token version 3; every other client is unknown or disabled. */
    private final TokenVersions versions = new TokenVersions() {
        @Override
        public OptionalInt ofAccount(long accountId) {
            return OptionalInt.empty();
        }

        @Override
        public OptionalInt ofClient(String clientId) {
            return "c".equals(clientId) ? OptionalInt.of(3) : OptionalInt.empty();
        }
    };

    @Test
    void aKeysClientIsACallerOfEveryFamilyAsItsClientTokenIs() {
        ApiKeyToken key = new ApiKeyToken(new ApiKeys.KeyHolder("c", 3));
        for (ApiFamily family : ApiFamily.values()) {
            assertTrue(TokenAudience.accepts(key, family), family.name());
        }
        assertEquals(Caller.KIND_CLIENT, key.getClaim(Caller.KIND));
        assertEquals("c", key.getClaim(Caller.CLIENT_ID));
    }

    @Test
    void aKeyHoldsOnlyWhileItsClientHoldsTheVersionItWasIssuedUnder() {
        assertTrue(versions.isCurrent(new ApiKeyToken(new ApiKeys.KeyHolder("c", 3))));
        assertFalse(versions.isCurrent(new ApiKeyToken(new ApiKeys.KeyHolder("c", 2))), "issued before a revocation");
        assertFalse(versions.isCurrent(new ApiKeyToken(new ApiKeys.KeyHolder("disabled", 0))));
    }

    @Test
    void onlyWhatCarriesTheKeyPrefixIsTakenForAKey() {
        assertTrue(ApiKeys.isApiKey("pulse_0123456789abcdef01234567.secret"));
        assertFalse(ApiKeys.isApiKey("eyJhbGciOiJSUzI1NiJ9.e30.sig"));
        assertFalse(ApiKeys.isApiKey(null));
    }
}
