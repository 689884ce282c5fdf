package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pulse.platform.api.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query parameters of GET /analytics/events are refused before any query runs. */
class CaliperEventsTest {

    private static List<String> problems(String since, String until, String limit, String cursor) {
        CaliperEvents events = new CaliperEvents();
        ApiError error = assertThrows(ApiError.class, () -> events.find(
                new CaliperEvents.Filter("client", null, null, null, since, until, null, limit, cursor)));
        assertEquals(400, error.status());
        return error.messages();
    }

    @Test
    void aLimitOutsideOneToFiveHundredIsNamedWithItsRange() {
        assertEquals(List.of("Field limit must be a whole number from 1 to 500"), problems(null, null, "0", null));
        assertEquals(List.of("Field limit must be a whole number from 1 to 500"), problems(null, null, "ten", null));
    }

    @Test
    void aCursorThisApiDidNotHandOutIsRefused() {
        assertEquals(List.of("Field cursor is not a cursor this API returned"), problems(null, null, null, "garbage!"));
    }

    @Test
    void sinceAndUntilAreStorableDateTimesWithOffset() {
        assertEquals(List.of("Field since must be an ISO 8601 date-time or date, such as 2024-03-01T10:15:00.000Z (UTC when no offset is given)"),
                problems("yesterday", null, null, null));
        assertEquals(List.of("Field until is out of range"), problems(null, "+300000-01-01T00:00:00Z", null, null));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        assertEquals(List.of("Field limit must be a whole number from 1 to 500",
                "Field cursor is not a cursor this API returned",
                "Field since must be an ISO 8601 date-time or date, such as 2024-03-01T10:15:00.000Z (UTC when no offset is given)"),
                problems("yesterday", " ", "-1", "x"));
    }
}
