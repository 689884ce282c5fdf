package dev.pulse.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.Cursor;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityRequestsTest {

    private static final Set<String> ALLOWED = ActivitySlugs.allowing("");

    @Test
    void jsonEncodedDataIsKeptAsJsonAndItsCohortIsTaken() {
        NewActivity a = NewActivity.read(
                "{\"slug\":\"lesson_opened\",\"data\":\"{ \\\"cohort\\\": \\\"mdc-iii\\\" }\"}", ALLOWED);
        assertEquals("{\"cohort\":\"mdc-iii\"}", a.data());
        assertEquals("mdc-iii", a.cohort());
    }

    @Test
    void aNumericCohortIdInDataIsTakenToo() {
        assertEquals("12", NewActivity.read("{\"slug\":\"lesson_opened\",\"data\":\"{\\\"cohort\\\":12}\"}",
                ALLOWED).cohort());
    }

    @Test
    void theBodysCohortWinsOverTheOneInData() {
        NewActivity a = NewActivity.read(
                "{\"slug\":\"lesson_opened\",\"cohort\":\"web-1\",\"data\":\"{\\\"cohort\\\":\\\"mdc-iii\\\"}\"}", ALLOWED);
        assertEquals("web-1", a.cohort());
    }

    @Test
    void plainTextDataIsStoredAsAJsonString() {
        NewActivity a = NewActivity.read(
                "{\"slug\":\"lesson_opened\",\"data\":\"{not json\"}", ALLOWED);
        assertEquals("\"{not json\"", a.data());
        assertNull(a.cohort());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ApiError e = assertThrows(ApiError.class, () -> NewActivity.read(
                "{\"slug\":\"\",\"data\":5,\"day\":\"x\",\"user_agent\":3}", ALLOWED));
        assertEquals(400, e.status());
        assertEquals(Set.of("slug", "data", "day", "user_agent"), e.fieldErrors().keySet());
    }

    @Test
    void severityTakesANumberOrANumericString() {
        assertEquals(900, NewCodingError.read(
                "{\"user_id\":\"a@b.c\",\"slug\":\"webpack_error\",\"message\":\"m\",\"name\":\"n\",\"severity\":\"900\"}")
                .severity());
        assertEquals(5, NewCodingError.read(
                "{\"user_id\":7,\"slug\":\"webpack_error\",\"message\":\"m\",\"name\":\"n\",\"severity\":5}").severity());
        ApiError e = assertThrows(ApiError.class, () -> NewCodingError.read(
                "{\"user_id\":7,\"slug\":\"webpack_error\",\"message\":\"m\",\"name\":\"n\",\"severity\":1.5}"));
        assertTrue(e.fieldErrors().containsKey("severity"));
    }

    @Test
    void listingParametersAreChecked() {
        ActivityStore.Window w = new ListingQuery("lesson_opened, exercise_success", "2026-01-01",
                "2026-01-02T10:00:00+02:00", "2000", null).window(ALLOWED);
        assertEquals(Set.of("lesson_opened", "exercise_success"), w.slugs());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), w.since());
        assertEquals(Instant.parse("2026-01-02T08:00:00Z"), w.until());
        assertEquals(1000, w.limit());
        ApiError e = assertThrows(ApiError.class, () -> new ListingQuery("nope", "x", null, "-1", "???").window(ALLOWED));
        assertEquals(Set.of("slug", "since", "limit", "cursor"), e.fieldErrors().keySet());
    }

    @Test
    void extraSlugsComeFromConfiguration() {
        Set<String> allowed = ActivitySlugs.allowing(" hackathon_checkin, mentor_session ,");
        assertEquals(11, allowed.size());
        assertTrue(allowed.contains("mentor_session"));
        assertThrows(IllegalArgumentException.class, () -> ActivitySlugs.allowing("Bad Slug"));
    }

    @Test
    void aCursorRoundTripsAndForeignTokensAreRefused() {
        Cursor c = new Cursor(Instant.parse("2026-11-23T10:00:00.123456789Z"), 42);
        Cursor back = Cursor.decode(c.encode()).orElseThrow();
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), back.at());
        assertEquals(42, back.id());
        assertTrue(Cursor.decode("bm90LWEtY3Vyc29y").isEmpty());
        assertTrue(Cursor.decode("%%%").isEmpty());
        assertTrue(Cursor.decode("MTo5OTk5OTk5OTk5OTk5OTk5OTk5OTk6MQ").isEmpty());
        // a year not every activity store can hold would be a 500 further down: refused here
        String farFuture = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1:9000000000000000000:1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ApiError e = assertThrows(ApiError.class,
                () -> new ListingQuery(null, null, null, null, farFuture).window(ALLOWED));
        assertEquals(java.util.List.of("Invalid cursor."), e.fieldErrors().get("cursor"));
    }
}
