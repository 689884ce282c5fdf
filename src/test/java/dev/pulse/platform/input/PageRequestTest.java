package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void withoutParametersThePageHasTheDefaultSizeFromTheStart() {
        assertEquals(new PageRequest(50, Optional.empty()), PageRequest.of(null, null, 50, 200));
        assertEquals(new PageRequest(50, Optional.empty()), PageRequest.of(" ", "", 50, 200));
    }

    @Test
    void aLimitIsTakenAndCutToTheMaximum() {
        assertEquals(7, PageRequest.of(" 7 ", null, 50, 200).limit());
        assertEquals(200, PageRequest.of("5000", null, 50, 200).limit());
    }

    @Test
    void aCursorNamesWhereThePreviousPageEnded() {
        Cursor cursor = new Cursor(Instant.parse("2026-01-01T00:00:00Z"), 3);
        assertEquals(Optional.of(cursor), PageRequest.of("2", cursor.encode(), 50, 200).after());
    }

    @Test
    void aBadLimitAndABadCursorAreNamedTogether() {
        ApiError error = assertThrows(ApiError.class, () -> PageRequest.of("many", "nonsense!", 50, 200));
        assertEquals(Map.of("limit", List.of("A valid integer is required."), "cursor", List.of("Invalid cursor.")),
                error.fieldErrors());
        error = assertThrows(ApiError.class, () -> PageRequest.of("0", null, 50, 200));
        assertEquals(Map.of("limit", List.of("Ensure this value is greater than or equal to 1.")), error.fieldErrors());
        error = assertThrows(ApiError.class, () -> PageRequest.of("99999999999", null, 50, 200));
        assertEquals(Map.of("limit", List.of("A valid integer is required.")), error.fieldErrors());
    }

    @Test
    void problemsJoinTheListingsOtherParametersInTheirFamilysWords() {
        FieldMessages caliper = new BreatheCodeFieldMessages() {
            @Override
            public String belowMin(long min, long max) {
                return "Field limit must be a whole number from " + min + " to " + max;
            }
        };
        JsonFields query = JsonFields.of(Map.of("since", "yesterday"), caliper);
        query.optionalTime("since");
        PageRequest page = PageRequest.read("-1", null, 100, 1000, query);
        assertEquals(100, page.limit());
        ApiError error = assertThrows(ApiError.class, query::check);
        assertEquals(List.of("since", "limit"), List.copyOf(error.fieldErrors().keySet()));
        assertEquals(List.of("Field limit must be a whole number from 1 to 1000"), error.fieldErrors().get("limit"));
    }

    @Test
    void theDefaultMustFitTheMaximum() {
        assertThrows(IllegalArgumentException.class, () -> PageRequest.of(null, null, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.of(null, null, 11, 10));
        assertTrue(PageRequest.of(null, null, 10, 10).after().isEmpty());
    }
}
