package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenAudienceTest {

    @Test
    void aLiveOnlyTokenIsAcceptedByLiveAlone() {
        JsonWebToken token = token(Map.of("aud", Set.of("pulse:live"), Caller.KIND, Caller.KIND_USER, "upn", "mentor"));
        assertTrue(TokenAudience.accepts(token, ApiFamily.LIVE));
        assertFalse(TokenAudience.accepts(token, ApiFamily.BREATHECODE));
        assertFalse(TokenAudience.accepts(token, ApiFamily.CALIPER));
        assertFalse(TokenAudience.accepts(token, ApiFamily.SUNBIRD));
    }

    @Test
    void everyFamilyIsNamedInTheClaimInOneOrder() {
        assertEquals(List.of("pulse:breathecode", "pulse:caliper", "pulse:sunbird", "pulse:live"),
                TokenAudience.claim(TokenAudience.EVERY_FAMILY));
        JsonWebToken token = token(Map.of("aud", Set.copyOf(TokenAudience.claim(TokenAudience.EVERY_FAMILY))));
        for (ApiFamily family : ApiFamily.values()) {
            assertTrue(TokenAudience.accepts(token, family), family.name());
        }
    }

    @Test
    void anAudienceOfAnotherServiceIsNotAccepted() {
        JsonWebToken token = token(Map.of("aud", Set.of("breathecode"), Caller.KIND, Caller.KIND_USER, "upn", "a@b.c"));
        for (ApiFamily family : ApiFamily.values()) {
            assertFalse(TokenAudience.accepts(token, family), family.name());
        }
    }

    @Test
    void withoutAudienceAUsernameAccountIsLiveOnlyAndAnEmailAccountOrAClientIsEverywhere() {
        JsonWebToken live = token(Map.of(Caller.KIND, Caller.KIND_USER, "upn", "mentor"));
        assertTrue(TokenAudience.accepts(live, ApiFamily.LIVE));
        assertFalse(TokenAudience.accepts(live, ApiFamily.BREATHECODE));
        assertFalse(TokenAudience.accepts(live, ApiFamily.SUNBIRD));
        JsonWebToken email = token(Map.of(Caller.KIND, Caller.KIND_USER, "upn", "ada@pulse.test"));
        JsonWebToken client = token(Map.of(Caller.KIND, Caller.KIND_CLIENT, "upn", "c0ffee"));
        for (ApiFamily family : ApiFamily.values()) {
            assertTrue(TokenAudience.accepts(email, family), family.name());
            assertTrue(TokenAudience.accepts(client, family), family.name());
        }
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new ClaimsToken(String.valueOf(claims.get("upn")), claims);
    }
}
