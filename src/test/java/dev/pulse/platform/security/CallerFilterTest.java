package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
