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

    @Test
    void jsonEncodedDataIsKeptAsJsonAndItsCohortIsTaken() {
        NewActivity a = NewActivity.read(
                "{\"slug\":\"lesson_opened\",\"data\":\"{ \\\"cohort\\\": \\\"mdc-iii\\\" }\"}");
        assertEquals("{\"cohort\":\"mdc-iii\"}", a.data());
        assertEquals("mdc-iii", a.cohort());
    }

    @Test
    void aNumericCohortIdInDataIsTakenToo() {
        assertEquals("12", NewActivity.read("{\"slug\":\"lesson_opened\",\"data\":\"{\\\"cohort\\\":12}\"}")
                .cohort());
    }

    @Test
    void theBodysCohortWinsOverTheOneInData() {
        NewActivity a = NewActivity.read(
                "{\"slug\":\"lesson_opened\",\"cohort\":\"web-1\",\"data\":\"{\\\"cohort\\\":\\\"mdc-iii\\\"}\"}");
        assertEquals("web-1", a.cohort());
    }

    @Test
    void plainTextDataIsStoredAsAJsonString() {
        NewActivity a = NewActivity.read(
                "{\"slug\":\"lesson_opened\",\"data\":\"{not json\"}");
        assertEquals("\"{not json\"", a.data());
        assertNull(a.cohort());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ApiError e = assertThrows(ApiError.class, () -> NewActivity.read(
                "{\"slug\":\"\",\"data\":5,\"day\":\"x\",\"user_agent\":3}"));
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
                "2026-01-02T10:00:00+02:00", "2000", null).window(ActivitySlugs::isActivitySlug);
        assertEquals(Set.of("lesson_opened", "exercise_success"), w.slugs());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), w.since());
        assertEquals(Instant.parse("2026-01-02T08:00:00Z"), w.until());
        assertEquals(1000, w.limit());
        ApiError e = assertThrows(ApiError.class, () -> new ListingQuery("Nope!", "x", null, "-1", "???").window(ActivitySlugs::isActivitySlug));
        assertEquals(Set.of("slug", "since", "limit", "cursor"), e.fieldErrors().keySet());
    }

    @Test
    void anyActivitySlugOfLowercaseLettersDigitsAndUnderscoresUpToFiftyIsAccepted() {
        assertEquals("hackathon_checkin_2", NewActivity.read("{\"slug\":\"hackathon_checkin_2\"}").slug());
        assertEquals("x".repeat(50), NewActivity.read("{\"slug\":\"" + "x".repeat(50) + "\"}").slug());
        for (String bad : new String[] {"x".repeat(51), "lesson-opened", "Lesson_opened", "lesson opened"}) {
            ApiError e = assertThrows(ApiError.class, () -> NewActivity.read("{\"slug\":\"" + bad + "\"}"), bad);
            assertEquals(java.util.List.of(ActivitySlugs.NOT_AN_ACTIVITY_SLUG), e.fieldErrors().get("slug"));
        }
        // a well-formed slug nothing was recorded under filters to nothing; a malformed one is refused
        assertEquals(Set.of("unknown_one"), new ListingQuery("unknown_one", null, null, null, null)
                .window(ActivitySlugs::isActivitySlug).slugs());
        assertThrows(ApiError.class, () -> new ListingQuery("Unknown-One", null, null, null, null)
                .window(ActivitySlugs::isActivitySlug));
    }

    @Test
    void aCohortInDataLongerThanAnyReferenceNamesNoCohort() {
        String longName = "c".repeat(255);
        assertNull(NewActivity.read("{\"slug\":\"lesson_opened\",\"data\":\"{\\\"cohort\\\":\\\"" + longName
                + "\\\"}\"}").cohort());
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
                () -> new ListingQuery(null, null, null, null, farFuture).window(ActivitySlugs::isActivitySlug));
        assertEquals(java.util.List.of("Invalid cursor."), e.fieldErrors().get("cursor"));
    }
}
