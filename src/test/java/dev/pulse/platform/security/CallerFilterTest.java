package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import org.junit.jupiter.api.Test;

class CallerFilterTest {

    @Test
    void everyAuthorizationFormYieldsTheSameToken() {
        assertEquals("abc.def.ghi", CallerFilter.tokenIn("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", CallerFilter.tokenIn("Token abc.def.ghi"));
        assertEquals("abc.def.ghi", CallerFilter.tokenIn("bearer   abc.def.ghi "));
        assertEquals("abc.def.ghi", CallerFilter.tokenIn("abc.def.ghi"));
    }

    @Test
    void aMissingHeaderIsUnauthorized() {
        ApiError e = assertThrows(ApiError.class, () -> CallerFilter.tokenIn(null));
        assertEquals(401, e.status());
    }

    @Test
    void aTokenInTheQueryIsReadOnlyOnGetsOfTheActivityApi() {
        assertTrue(CallerFilter.acceptsQueryToken("GET", "/v1/activity/cohort/mdc-iii"));
        assertTrue(CallerFilter.acceptsQueryToken("GET", "v1/activity/user/ada@example.com"));
        assertFalse(CallerFilter.acceptsQueryToken("POST", "/v1/activity/user/ada@example.com"));
        assertFalse(CallerFilter.acceptsQueryToken("GET", "/v1/auth/user/me"));
        assertFalse(CallerFilter.acceptsQueryToken("GET", "/v1/activityx/cohort/mdc-iii"));
        assertFalse(CallerFilter.acceptsQueryToken("GET", "/api/group/v1/read/1"));
    }
}
