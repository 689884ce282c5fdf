package dev.pulse.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.IntegrationDatabase;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Activity API on the real WAR: recording, listings with keyset paging, cohorts from JSON
 * data, coding errors, reports, every access rule; plus the store contract suite run against
 * the PostgreSQL store on the same database, and against Datastore when an emulator is set.
 */
class ActivityIT {

    /** The one Pulse of this test run (the real WAR on Payara Micro, shared by every HTTP-level test). */
    final URL base = PulseServer.baseUrl();

    private Api api() {
        return new Api(base);
    }

    /** An academy with a cohort on day 4, a student in both, and a teacher (read_activity, crud_activity). */
    private record School(Api api, long academy, Api.Cohort cohort, Api.User student, Api.User teacher) {
    }

    private School school() {
        Api api = api();
        long academy = api.newAcademy();
        Api.Cohort cohort = api.newCohort(academy, 4);
        Api.User student = api.newUser();
        Api.User teacher = api.newUser();
        api.addToAcademy(academy, student.id(), "student");
        api.addToAcademy(academy, teacher.id(), "teacher");
        api.addToCohort(cohort.slug(), student.id(), "STUDENT");
        api.addToCohort(cohort.slug(), teacher.id(), "TEACHER");
        return new School(api, academy, cohort, student, teacher);
    }

    /** Another academy, with a cohort on the given day and a teacher of its own. */
    private record Elsewhere(long academy, Api.Cohort cohort, Api.User teacher) {
    }

    private static Elsewhere elsewhere(Api api, int day) {
        long academy = api.newAcademy();
        Api.Cohort cohort = api.newCohort(academy, day);
        Api.User teacher = api.newUser();
        api.addToAcademy(academy, teacher.id(), "teacher");
        return new Elsewhere(academy, cohort, teacher);
    }

    private static Response post(Api api, String token, String user, Map<String, ?> body) {
        return api.as(token).body(body).post("/v1/activity/user/" + user);
    }

    // ---- recording ----

    @Test
    void recordingAnActivitySetsUserEmailTimeAndTheRequestsUserAgent() {
        School s = school();
        Instant before = Instant.now().minusSeconds(5);
        Response r = s.api().as(s.student().token()).header("User-Agent", "bc/mobile")
                .body(Map.of("slug", "breathecode_login", "data", "logged in from the app"))
                .post("/v1/activity/user/" + s.student().email());
        r.then().statusCode(201)
                .body("id", notNullValue())
                .body("slug", equalTo("breathecode_login"))
                .body("user_id", equalTo((int) s.student().id()))
                .body("email", equalTo(s.student().email()))
                .body("data", equalTo("logged in from the app"))
                .body("user_agent", equalTo("bc/mobile"))
                .body("cohort", nullValue())
                .body("day", nullValue());
        Instant created = Instant.parse(r.path("created_at"));
        assertTrue(created.isAfter(before) && created.isBefore(Instant.now().plusSeconds(5)), created.toString());
    }

    @Test
    void theBodysUserAgentWinsOverTheHeader() {
        School s = school();
        s.api().as(s.student().token()).header("User-Agent", "curl/8")
                .body(Map.of("slug", "lesson_opened", "user_agent", "bc/cli"))
                .post("/v1/activity/user/" + s.student().id())
                .then().statusCode(201).body("user_agent", equalTo("bc/cli")).body("data", nullValue());
    }

    @Test
    void aCohortInJsonDataBecomesTheActivitysCohortWithItsAcademyAndCurrentDay() throws Exception {
        School s = school();
        String data = "{\"cohort\": \"" + s.cohort().slug() + "\", \"lesson\": \"intro-to-html\"}";
        Response r = post(s.api(), s.student().token(), s.student().email(), Map.of("slug", "lesson_opened", "data", data));
        r.then().statusCode(201)
                .body("cohort", equalTo(s.cohort().slug()))
                .body("academy_id", equalTo((int) s.academy()))
                .body("day", equalTo(4))
                .body("data.cohort", equalTo(s.cohort().slug()))
                .body("data.lesson", equalTo("intro-to-html"));
        // kept as JSON in the database, not as an encoded string
        try (Connection c = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                PreparedStatement q = c.prepareStatement("select jsonb_typeof(data), data->>'lesson' from activity where id = ?")) {
            q.setLong(1, ((Number) r.path("id")).longValue());
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("object", rs.getString(1));
                assertEquals("intro-to-html", rs.getString(2));
            }
        }
        // and it is listed under the cohort
        s.api().as(s.teacher().token()).get("/v1/activity/cohort/" + s.cohort().slug())
                .then().statusCode(200).body("id", hasItem(r.<Integer>path("id")));
    }

    @Test
    void aCohortFieldInTheBodyAlsoWorksAndABodyDayIsKeptWhenTheCohortKnowsNoDay() {
        School s = school();
        Api.Cohort dayless = s.api().newCohort(s.academy(), null);
        post(s.api(), s.student().token(), s.student().email(),
                Map.of("slug", "classroom_attendance", "cohort", dayless.id(), "day", 9))
                .then().statusCode(201).body("cohort", equalTo(dayless.slug())).body("day", equalTo(9))
                .body("academy_id", equalTo((int) s.academy()));
        post(s.api(), s.student().token(), s.student().email(), Map.of("slug", "classroom_attendance", "cohort", dayless.id()))
                .then().statusCode(201).body("day", nullValue());
        post(s.api(), s.student().token(), s.student().email(), Map.of("slug", "lesson_opened", "data", "[1,2,3]"))
                .then().statusCode(201).body("data", equalTo(List.of(1, 2, 3))).body("cohort", nullValue());
    }

    /** What the legacy BreatheCode CLI posts (bcActivity.js): cohort and day top-level, data a JSON string. */
    private static Map<String, Object> fromTheCli(String slug, String cohort, int day) {
        return Map.of("slug", slug, "user_agent", "bc/cli", "cohort", cohort, "day", day,
                "data", "{\"cohort\":\"" + cohort + "\",\"exercise\":\"01-hello-world\"}");
    }

    @Test
    void anUnknownCohortIsKeptAsTextReturnedAndListedByThatTextNeverA404() throws Exception {
        School s = school();
        Api api = s.api();
        // the Activity API's own example body, verbatim
        int example = api.as(s.student().token())
                .body("{\"slug\": \"activity_slug\", \"data\": \"{ \\\"cohort\\\": \\\"mdc-iii\\\" }\"}")
                .post("/v1/activity/user/" + s.student().email())
                .then().statusCode(201).body("cohort", equalTo("mdc-iii")).body("academy_id", nullValue())
                .body("data.cohort", equalTo("mdc-iii")).extract().path("id");
        api.as(api.adminToken()).get("/v1/activity/cohort/mdc-iii?limit=1000").then().statusCode(200)
                .body("results.id", hasItem(example));

        // the legacy CLI names its cohort top-level; a cohort Pulse does not know places nothing
        String unknown = Api.unique("bootcamp-x").toLowerCase();
        List<Integer> ids = new ArrayList<>();
        for (String slug : List.of("exercise_success", "lesson_opened", "exercise_success")) {
            ids.add(0, post(api, s.student().token(), s.student().email(), fromTheCli(slug, unknown, 12))
                    .then().statusCode(201).body("cohort", equalTo(unknown)).body("academy_id", nullValue())
                    .body("day", equalTo(12)).body("user_agent", equalTo("bc/cli")).extract().path("id"));
        }
        // the same text inside data only works as well
        ids.add(0, post(api, s.student().token(), s.student().email(),
                Map.of("slug", "lesson_opened", "data", "{\"cohort\":\"" + unknown + "\"}"))
                .then().statusCode(201).body("cohort", equalTo(unknown)).extract().path("id"));
        try (Connection c = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                PreparedStatement q = c.prepareStatement("select cohort_id, academy_id, cohort_slug from activity where id = ?")) {
            q.setLong(1, ids.get(0));
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getObject(1));
                assertNull(rs.getObject(2));
                assertEquals(unknown, rs.getString(3));
            }
        }

        // listed and counted by that text
        api.as(api.adminToken()).get("/v1/activity/cohort/" + unknown).then().statusCode(200)
                .body("id", equalTo(ids)).body("cohort", everyItem(equalTo(unknown)));
        api.as(api.adminToken()).get("/v1/activity/cohort/" + unknown + "?slug=exercise_success").then().statusCode(200)
                .body("id", equalTo(List.of(ids.get(1), ids.get(3))));
        api.as(api.adminToken()).get("/v1/activity/report?cohort=" + unknown).then().statusCode(200)
                .body("slug", equalTo(List.of("exercise_success", "lesson_opened"))).body("count", equalTo(List.of(2, 2)));
        // rows in no academy: academy staff read them through the user's own listing and reports
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy()))
                .get("/v1/activity/report?user=" + s.student().id() + "&cohort=" + unknown + "&slug=lesson_opened")
                .then().statusCode(200).body("count", equalTo(List.of(2)));
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy())).get("/v1/activity/user/" + s.student().id())
                .then().statusCode(200).body("id", hasItem(ids.get(0)));
        // listed by the text alone, they belong to no academy: platform administrators only, never a 404
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy())).get("/v1/activity/cohort/" + unknown)
                .then().statusCode(403).body("slug", equalTo("cohort-not-in-pulse"));
        api.as(s.teacher().token()).get("/v1/activity/report?cohort=" + unknown).then().statusCode(403);
        api.as(s.student().token()).get("/v1/activity/cohort/" + unknown).then().statusCode(403);
        api.as(api.adminToken()).get("/v1/activity/cohort/" + Api.unique("nothing-named-so").toLowerCase())
                .then().statusCode(200).body("$", hasSize(0));
        // a name longer than any cohort an activity can name matches nothing, in every store
        api.as(api.adminToken()).get("/v1/activity/cohort/" + "c".repeat(300)).then().statusCode(200).body("$", hasSize(0));
        api.as(api.adminToken()).get("/v1/activity/report?cohort=" + "c".repeat(300)).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void theBodysDayIsKeptAndTheCohortsCurrentDayOnlyFillsAMissingOne() {
        School s = school();
        // the CLI sends the cohort's current_day as it knows it
        post(s.api(), s.student().token(), s.student().email(), fromTheCli("exercise_success", s.cohort().slug(), 9))
                .then().statusCode(201).body("cohort", equalTo(s.cohort().slug()))
                .body("academy_id", equalTo((int) s.academy())).body("day", equalTo(9));
        post(s.api(), s.student().token(), s.student().email(),
                Map.of("slug", "classroom_attendance", "cohort", s.cohort().slug(), "day", 0))
                .then().statusCode(201).body("day", equalTo(0));
        post(s.api(), s.student().token(), s.student().email(), Map.of("slug", "classroom_attendance", "cohort", s.cohort().slug()))
                .then().statusCode(201).body("day", equalTo(4));
        post(s.api(), s.student().token(), s.student().email(),
                Map.of("slug", "lesson_opened", "data", "{\"cohort\":\"" + s.cohort().slug() + "\"}"))
                .then().statusCode(201).body("day", equalTo(4));
    }

    @Test
    void slugsAreOpenAndAnUnknownSlugFilterAnswersAnEmptyList() {
        School s = school();
        Api api = s.api();
        String user = "/v1/activity/user/" + s.student().id();
        int invented = post(api, s.student().token(), s.student().email(), Map.of("slug", "dance_party"))
                .then().statusCode(201).body("slug", equalTo("dance_party")).extract().path("id");
        post(api, s.student().token(), s.student().email(), Map.of("slug", "x".repeat(50))).then().statusCode(201);
        api.as(s.student().token()).get(user + "?slug=dance_party").then().statusCode(200).body("id", equalTo(List.of(invented)));
        api.as(s.student().token()).get(user + "?slug=unknown_one").then().statusCode(200).body("$", hasSize(0));
        api.as(s.student().token()).get(user + "?slug=lesson_opened,unknown_one").then().statusCode(200).body("$", hasSize(0));
        api.as(s.student().token()).get("/v1/activity/report?user=" + s.student().id() + "&slug=unknown_one")
                .then().statusCode(200).body("$", hasSize(0));
        api.as(s.teacher().token()).get("/v1/activity/cohort/" + s.cohort().slug() + "?slug=unknown_one")
                .then().statusCode(200).body("$", hasSize(0));
        // what cannot be a slug is still refused
        for (String bad : List.of("x".repeat(51), "Dance_Party", "dance-party")) {
            post(api, s.student().token(), s.student().email(), Map.of("slug", bad)).then().statusCode(400)
                    .body("slug[0]", containsString("1 to 50 lowercase letters"));
        }
        api.as(s.student().token()).get(user + "?slug=Dance-Party").then().statusCode(400)
                .body("slug[0]", containsString("Dance-Party"));
    }

    @Test
    void badBodiesAre400WithFieldMessagesNever500() {
        School s = school();
        Api api = s.api();
        String token = s.student().token();
        String path = "/v1/activity/user/" + s.student().id();
        api.as(token).body(Map.of("data", "x")).post(path).then().statusCode(400).body("slug", hasItem("This field is required."));
        api.as(token).body(Map.of("slug", "  ")).post(path).then().statusCode(400).body("slug[0]", containsString("blank"));
        api.as(token).body(Map.of("slug", 7)).post(path).then().statusCode(400).body("slug", notNullValue());
        api.as(token).body(Map.of("slug", "lesson_opened", "data", Map.of("cohort", "x"))).post(path)
                .then().statusCode(400).body("data[0]", containsString("string"));
        api.as(token).body("this is not json").post(path).then().statusCode(400).body("non_field_errors", notNullValue());
        api.as(token).body("[\"slug\"]").post(path).then().statusCode(400).body("non_field_errors", notNullValue());
        api.as(token).body("").post(path).then().statusCode(400);
        api.as(token).body(Map.of("slug", "lesson_opened", "data", "x".repeat(64 * 1024 + 1))).post(path)
                .then().statusCode(400).body("data[0]", containsString("64 KiB"));
        api.as(token).body(Map.of("slug", "lesson_opened", "data", "x".repeat(64 * 1024))).post(path).then().statusCode(201);
        api.as(token).body(Map.of("slug", "lesson_opened", "data", "nul \u0000 inside")).post(path)
                .then().statusCode(400).body("data", notNullValue());
        api.as(token).body(Map.of("slug", "lesson_opened", "data", "{\"score\": 1e-20000}")).post(path)
                .then().statusCode(400).body("data[0]", equalTo("Numbers must be within the range of a 64-bit float."));
        api.as(token).body(Map.of("slug", "lesson_opened", "day", "monday")).post(path)
                .then().statusCode(400).body("day", notNullValue());
        api.as(token).body(Map.of("slug", "lesson_opened", "day", -1)).post(path)
                .then().statusCode(400).body("day", notNullValue());
        api.as(token).body(Map.of("slug", "lesson_opened", "cohort", true)).post(path)
                .then().statusCode(400).body("cohort", notNullValue());
        api.as(token).contentType("text/plain").body("{\"slug\":\"lesson_opened\"}").post(path).then().statusCode(415);
    }

    // ---- listings ----

    @Test
    void aUsersActivitiesAreNewestFirstAndFilterByASlugList() {
        School s = school();
        List<Integer> ids = new ArrayList<>();
        for (String slug : List.of("lesson_opened", "exercise_success", "breathecode_login", "lesson_opened")) {
            ids.add(post(s.api(), s.student().token(), s.student().email(), Map.of("slug", slug))
                    .then().statusCode(201).extract().path("id"));
        }
        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().email())
                .then().statusCode(200).body("id", equalTo(List.of(ids.get(3), ids.get(2), ids.get(1), ids.get(0))));
        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().uuid() + "?slug=lesson_opened,exercise_success")
                .then().statusCode(200).body("id", equalTo(List.of(ids.get(3), ids.get(1), ids.get(0))))
                .body("slug", everyItem(not(equalTo("breathecode_login"))));
        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().id() + "?slug=exercise_success")
                .then().statusCode(200).body("id", equalTo(List.of(ids.get(1))));
    }

    @Test
    void cursorPagesWalkEveryActivityOnceWithNoDuplicatesOrGaps() {
        School s = school();
        List<Integer> posted = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            posted.add(0, post(s.api(), s.student().token(), s.student().email(),
                    Map.of("slug", i % 2 == 0 ? "lesson_opened" : "exercise_success"))
                    .then().statusCode(201).extract().path("id"));
        }
        List<Integer> walked = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = "/v1/activity/user/" + s.student().id() + "?limit=4" + (cursor == null ? "" : "&cursor=" + cursor);
            Response page = s.api().as(s.student().token()).get(url);
            page.then().statusCode(200).body("$", hasKey("results"));
            List<Integer> ids = page.path("results.id");
            for (Integer id : ids) {
                assertTrue(seen.add(id), "duplicate " + id);
            }
            walked.addAll(ids);
            cursor = page.path("cursor");
            if (cursor != null) {
                assertEquals(4, ids.size());
                assertEquals(cursor, page.header("X-Next-Cursor"));
                assertTrue(page.<String>path("next").contains("cursor=" + cursor));
                assertTrue(page.header("Link").contains("rel=\"next\""));
            } else {
                assertNull(page.header("X-Next-Cursor"));
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(posted, walked);

        // a slug list pages the same way
        Response first = s.api().as(s.student().token())
                .get("/v1/activity/user/" + s.student().id() + "?limit=3&slug=exercise_success,lesson_opened");
        List<Integer> firstIds = first.path("results.id");
        assertEquals(posted.subList(0, 3), firstIds);
        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().id()
                        + "?limit=3&slug=exercise_success,lesson_opened&cursor=" + first.path("cursor"))
                .then().body("results.id", equalTo(posted.subList(3, 6)));
        // without limit or cursor: a plain list, the cursor in the headers
        Response plain = s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().id());
        plain.then().statusCode(200).body("$", hasSize(11));
        assertNull(plain.header("X-Next-Cursor"));

        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().id() + "?cursor=bm90LWEtY3Vyc29y")
                .then().statusCode(400).body("cursor", hasItem("Invalid cursor."));
        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().id() + "?limit=0")
                .then().statusCode(400).body("limit", notNullValue());
        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().id() + "?limit=ten")
                .then().statusCode(400).body("limit", notNullValue());
        s.api().as(s.student().token()).get("/v1/activity/user/" + s.student().id() + "?limit=5000")
                .then().statusCode(200).body("results", hasSize(11));
    }

    @Test
    void sinceIsInclusiveAndUntilExclusive() {
        School s = school();
        List<Response> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(post(s.api(), s.student().token(), s.student().email(), Map.of("slug", "lesson_opened")));
        }
        String middle = made.get(1).path("created_at");
        String last = made.get(2).path("created_at");
        List<Integer> ids = s.api().as(s.student().token()).queryParam("since", middle).queryParam("until", last)
                .get("/v1/activity/user/" + s.student().id()).then().statusCode(200).extract().path("id");
        if (!middle.equals(last)) {
            assertEquals(List.of(made.get(1).<Integer>path("id")), ids);
        }
        s.api().as(s.student().token()).queryParam("since", middle).get("/v1/activity/user/" + s.student().id())
                .then().statusCode(200).body("id", hasItem(made.get(1).<Integer>path("id")))
                .body("id", hasItem(made.get(2).<Integer>path("id")));
        s.api().as(s.student().token()).queryParam("until", middle).get("/v1/activity/user/" + s.student().id())
                .then().statusCode(200).body("id", not(hasItem(made.get(1).<Integer>path("id"))));
        s.api().as(s.student().token()).queryParam("since", "2999-01-01").get("/v1/activity/user/" + s.student().id())
                .then().statusCode(200).body("$", hasSize(0));
        s.api().as(s.student().token()).queryParam("since", "yesterday").get("/v1/activity/user/" + s.student().id())
                .then().statusCode(400).body("since", notNullValue());
    }

    // ---- access ----

    @Test
    void everyEndpointIs401WithoutAToken() {
        School s = school();
        Api api = s.api();
        String user = "/v1/activity/user/" + s.student().id();
        api.json().body(Map.of("slug", "lesson_opened")).post(user).then().statusCode(401).body("status_code", equalTo(401));
        api.json().get(user).then().statusCode(401);
        api.json().get("/v1/activity/cohort/" + s.cohort().slug()).then().statusCode(401);
        api.json().body(Map.of("user_id", s.student().email(), "slug", "x", "message", "m", "name", "n"))
                .post("/v1/activity/coding_error/").then().statusCode(401);
        api.json().get("/v1/activity/coding_error/" + s.student().id()).then().statusCode(401);
        api.json().get("/v1/activity/report?user=" + s.student().id()).then().statusCode(401);
    }

    @Test
    void aTokenMayComeAsAccessTokenOnTheActivityApisReadsTheHeaderWinsAndTheLogNeverHoldsIt() throws Exception {
        School s = school();
        Api api = s.api();
        String student = s.student().token();
        String teacher = s.teacher().token();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(0, post(api, student, s.student().email(), Map.of("slug", "lesson_opened", "cohort", s.cohort().slug()))
                    .then().statusCode(201).extract().path("id"));
        }
        // as the legacy consumers read: the cohort's and a user's activities, the token in the query only
        api.request().get("/v1/activity/cohort/" + s.cohort().slug() + "?access_token=" + teacher)
                .then().statusCode(200).body("id", equalTo(ids));
        api.request().get("/v1/activity/user/" + s.student().email() + "?access_token=" + student)
                .then().statusCode(200).body("id", equalTo(ids));
        api.request().get("/v1/activity/user/" + s.student().email() + "?academy=" + s.academy() + "&access_token=" + teacher)
                .then().statusCode(200).body("id", equalTo(ids));
        api.request().get("/v1/activity/report?user=" + s.student().id() + "&access_token=" + student)
                .then().statusCode(200).body("count", equalTo(List.of(2)));
        api.request().get("/v1/activity/coding_error/" + s.student().id() + "?access_token=" + student).then().statusCode(200);

        // a bad one is the same 401 as a bad header
        String user = "/v1/activity/user/" + s.student().id();
        String viaQuery = api.request().get(user + "?access_token=not.a.token").then().statusCode(401).extract().asString();
        String viaHeader = api.as("not.a.token").get(user).then().statusCode(401).extract().asString();
        assertEquals(viaHeader, viaQuery);
        // the header wins over the query, either way
        api.as(student).get(user + "?access_token=not.a.token").then().statusCode(200);
        api.as("not.a.token").get(user + "?access_token=" + student).then().statusCode(401);
        // the Activity API's reads only: elsewhere, and on a write, a token in the query is no credential
        api.request().get("/v1/auth/me?access_token=" + student).then().statusCode(401);
        api.json().body(Map.of("slug", "lesson_opened")).post(user + "?access_token=" + student)
                .then().statusCode(401).body("detail", equalTo(viaHeaderDetail(api, user)));
        // paging links do not carry it on
        Response paged = api.request().get(user + "?limit=1&access_token=" + student);
        paged.then().statusCode(200).body("results.id", equalTo(List.of(ids.get(0))));
        assertFalse(paged.asString().contains(student), "the token is in the body");
        assertFalse(paged.header("Link").contains(student), "the token is in the Link header");

        // a form-typed read: Jersey's servlet layer would log its whole URI, token included
        api.request().contentType("application/x-www-form-urlencoded").body("x=1").get(user + "?access_token=" + student);
        // the request log writes paths without their query
        String marker = "/v1/activity/cohort/" + s.cohort().slug();
        String log = "";
        for (int i = 0; i < 50 && !log.contains("GET " + marker + " 200"); i++) { // written in the background
            Thread.sleep(100);
            log = Files.readString(PulseServer.logFile(), StandardCharsets.ISO_8859_1);
        }
        assertTrue(log.contains("GET " + marker + " 200"), "the read was logged");
        assertFalse(log.contains("access_token"), "a query's token parameter is in the server log");
        assertFalse(log.contains(teacher.substring(teacher.lastIndexOf('.') + 1)), "a token's signature is in the server log");
        assertFalse(log.contains(student.substring(student.lastIndexOf('.') + 1)), "a token's signature is in the server log");
    }

    /** The detail of a request without any token. */
    private static String viaHeaderDetail(Api api, String user) {
        return api.json().body(Map.of("slug", "lesson_opened")).post(user).then().statusCode(401).extract().path("detail");
    }

    @Test
    void strangersAre403WithTheCapabilityMessages() {
        School s = school();
        Api api = s.api();
        Api.User stranger = api.newUser();
        String user = "/v1/activity/user/" + s.student().id();
        api.as(stranger.token()).body(Map.of("slug", "lesson_opened")).post(user)
                .then().statusCode(403).body("detail", equalTo("You (user: " + stranger.id()
                        + ") don't have this capability: classroom_activity for any academy of user " + s.student().id()));
        api.as(stranger.token()).get(user).then().statusCode(403)
                .body("detail", equalTo("Missing academy_id parameter expected for the endpoint url or 'Academy' header"));
        api.as(stranger.token()).header("Academy", String.valueOf(s.academy())).get(user).then().statusCode(403)
                .body("detail", equalTo("You (user: " + stranger.id() + ") don't have this capability: read_activity for academy "
                        + s.academy()));
        api.as(stranger.token()).header("Academy", "abc").get(user).then().statusCode(400)
                .body("detail", equalTo("Academy ID needs to be an integer: abc"));
        api.as(stranger.token()).get("/v1/activity/cohort/" + s.cohort().id()).then().statusCode(403)
                .body("detail", equalTo("You (user: " + stranger.id() + ") don't have this capability: read_activity for academy "
                        + s.academy()));
        api.as(stranger.token()).get("/v1/activity/coding_error/" + s.student().id()).then().statusCode(403);
        api.as(stranger.token()).get("/v1/activity/report?user=" + s.student().id()).then().statusCode(403);
        // a student holds crud_activity but not read_activity: no reading of others or of the cohort
        Api.User classmate = api.newUser();
        api.addToAcademy(s.academy(), classmate.id(), "student");
        api.as(classmate.token()).header("Academy", String.valueOf(s.academy())).get(user).then().statusCode(403);
        api.as(classmate.token()).get("/v1/activity/cohort/" + s.cohort().slug()).then().statusCode(403);
        // a teacher of another academy cannot read this student even with read_activity there
        long elsewhere = api.newAcademy();
        Api.User foreignTeacher = api.newUser();
        api.addToAcademy(elsewhere, foreignTeacher.id(), "teacher");
        api.as(foreignTeacher.token()).header("Academy", String.valueOf(elsewhere)).get(user).then().statusCode(403);
        api.as(foreignTeacher.token()).body(Map.of("slug", "lesson_opened")).post(user).then().statusCode(403);
    }

    @Test
    void staffWithTheCapabilityReadAndWriteForUsersOfTheirAcademy() {
        School s = school();
        Api api = s.api();
        String user = "/v1/activity/user/" + s.student().email();
        // the classroom's attendance device: classroom_activity in the student's academy, no Academy header needed
        Integer id = post(api, s.teacher().token(), s.student().email(),
                Map.of("slug", "office_attendance", "user_agent", "office/raspberry-pi"))
                .then().statusCode(201).body("user_id", equalTo((int) s.student().id())).extract().path("id");
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy())).get(user)
                .then().statusCode(200).body("id", hasItem(id));
        api.as(s.teacher().token()).get("/v1/activity/cohort/" + s.cohort().slug()).then().statusCode(200);
        api.as(api.adminToken()).get(user).then().statusCode(200).body("id", hasItem(id));
        // an API client's token is not a user's
        api.as(api.newClient().token()).get(user).then().statusCode(403);
    }

    @Test
    void readingThroughAnAcademyShowsOnlyRowsRecordedThereOrInNoAcademy() {
        School s = school();
        Api api = s.api();
        Elsewhere other = elsewhere(api, 2);
        api.addToAcademy(other.academy(), s.student().id(), "student");
        int here = post(api, s.student().token(), s.student().email(), Map.of("slug", "lesson_opened",
                "cohort", s.cohort().slug())).then().statusCode(201).body("academy_id", equalTo((int) s.academy()))
                .extract().path("id");
        int there = post(api, s.student().token(), s.student().email(), Map.of("slug", "exercise_success",
                "cohort", other.cohort().slug())).then().statusCode(201).body("academy_id", equalTo((int) other.academy()))
                .extract().path("id");
        int nowhere = post(api, s.student().token(), s.student().email(), Map.of("slug", "lesson_opened"))
                .then().statusCode(201).body("academy_id", nullValue()).extract().path("id");
        String user = "/v1/activity/user/" + s.student().id();

        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy())).get(user)
                .then().statusCode(200).body("id", equalTo(List.of(nowhere, here)));
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy()))
                .get(user + "?slug=lesson_opened,exercise_success&limit=10")
                .then().statusCode(200).body("results.id", equalTo(List.of(nowhere, here)));
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy())).get(user + "?slug=exercise_success")
                .then().statusCode(200).body("$", hasSize(0));
        api.as(other.teacher().token()).header("Academy", String.valueOf(other.academy())).get(user)
                .then().statusCode(200).body("id", equalTo(List.of(nowhere, there)));
        // the user themself and a platform administrator see every row
        api.as(s.student().token()).get(user).then().statusCode(200).body("id", equalTo(List.of(nowhere, there, here)));
        api.as(api.adminToken()).get(user).then().statusCode(200).body("id", equalTo(List.of(nowhere, there, here)));

        // reports on the user count the same rows
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy()))
                .get("/v1/activity/report?user=" + s.student().id()).then().statusCode(200)
                .body("slug", equalTo(List.of("lesson_opened"))).body("count", equalTo(List.of(2)));
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy()))
                .get("/v1/activity/report?user=" + s.student().id() + "&cohort=" + other.cohort().slug())
                .then().statusCode(200).body("$", hasSize(0));
        api.as(other.teacher().token()).header("Academy", String.valueOf(other.academy()))
                .get("/v1/activity/report?user=" + s.student().id() + "&cohort=" + other.cohort().slug())
                .then().statusCode(200).body("slug", equalTo(List.of("exercise_success")));
        api.as(s.student().token()).get("/v1/activity/report?user=" + s.student().id())
                .then().statusCode(200).body("count.sum()", equalTo(3));
    }

    @Test
    void writingForAnotherUserNeedsClassroomActivityInAnAcademyOfTheirs() {
        School s = school();
        Api api = s.api();
        String user = String.valueOf(s.student().id());
        // staff hold crud_activity and read_activity, not classroom_activity
        Api.User staff = api.newUser();
        api.addToAcademy(s.academy(), staff.id(), "staff");
        post(api, staff.token(), user, Map.of("slug", "office_attendance")).then().statusCode(403)
                .body("detail", equalTo("You (user: " + staff.id()
                        + ") don't have this capability: classroom_activity for any academy of user " + user));
        api.as(staff.token()).header("Academy", String.valueOf(s.academy())).body(Map.of("slug", "office_attendance"))
                .post("/v1/activity/user/" + user).then().statusCode(403)
                .body("detail", equalTo("You (user: " + staff.id() + ") don't have this capability: classroom_activity for academy "
                        + s.academy()));
        api.as(staff.token()).body(Map.of("user_id", user, "slug", "webpack_error", "message", "m", "name", "n"))
                .post("/v1/activity/coding_error").then().statusCode(403);
        // a student's crud_activity is for themself only: never for a classmate
        Api.User classmate = api.newUser();
        api.addToAcademy(s.academy(), classmate.id(), "student");
        post(api, classmate.token(), user, Map.of("slug", "lesson_opened")).then().statusCode(403);
        api.as(classmate.token()).header("Academy", String.valueOf(s.academy())).body(Map.of("slug", "lesson_opened"))
                .post("/v1/activity/user/" + user).then().statusCode(403);
        api.as(classmate.token()).body(Map.of("user_id", user, "slug", "webpack_error", "message", "m", "name", "n"))
                .post("/v1/activity/coding_error").then().statusCode(403);
        post(api, classmate.token(), String.valueOf(classmate.id()), Map.of("slug", "lesson_opened")).then().statusCode(201);
        // classroom_activity in an academy the user is not in is not enough
        long elsewhere = api.newAcademy();
        Api.User foreignTeacher = api.newUser();
        api.addToAcademy(elsewhere, foreignTeacher.id(), "teacher");
        api.as(foreignTeacher.token()).header("Academy", String.valueOf(elsewhere)).body(Map.of("slug", "lesson_opened"))
                .post("/v1/activity/user/" + user).then().statusCode(403)
                .body("detail", equalTo("User " + user + " does not belong to academy " + elsewhere));
        // a teacher holds classroom_activity: both writes pass
        post(api, s.teacher().token(), user, Map.of("slug", "classroom_attendance")).then().statusCode(201);
        api.as(s.teacher().token()).body(Map.of("user_id", user, "slug", "webpack_error", "message", "m", "name", "n"))
                .post("/v1/activity/coding_error").then().statusCode(201).body("user_id", equalTo((int) s.student().id()));
    }

    @Test
    void aCohortOfAnAcademyTheUserIsNotInIsKeptAsTextWithNoCohortIdOrAcademy() {
        School s = school();
        Api api = s.api();
        Elsewhere elsewhere = elsewhere(api, 7);
        int fromBody = post(api, s.student().token(), s.student().email(),
                Map.of("slug", "lesson_opened", "cohort", elsewhere.cohort().slug(), "day", 3))
                .then().statusCode(201).body("cohort", equalTo(elsewhere.cohort().slug())).body("academy_id", nullValue())
                .body("day", equalTo(3)).extract().path("id");
        post(api, s.student().token(), s.student().email(),
                Map.of("slug", "lesson_opened", "data", "{\"cohort\":\"" + elsewhere.cohort().slug() + "\"}"))
                .then().statusCode(201).body("cohort", equalTo(elsewhere.cohort().slug())).body("academy_id", nullValue())
                .body("day", nullValue());
        post(api, s.student().token(), s.student().email(), Map.of("slug", "lesson_opened", "cohort", elsewhere.cohort().id()))
                .then().statusCode(201).body("cohort", equalTo(String.valueOf(elsewhere.cohort().id()))).body("academy_id", nullValue());
        // the foreign cohort's academy sees none of it
        api.as(elsewhere.teacher().token()).get("/v1/activity/cohort/" + elsewhere.cohort().slug())
                .then().statusCode(200).body("$", hasSize(0));
        api.as(elsewhere.teacher().token()).header("Academy", String.valueOf(elsewhere.academy())).get("/v1/activity/report")
                .then().statusCode(200).body("$", hasSize(0));
        // no cohort id in the database either
        try (Connection c = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                PreparedStatement q = c.prepareStatement("select cohort_id, academy_id, cohort_slug from activity where id = ?")) {
            q.setLong(1, fromBody);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getObject(1));
                assertNull(rs.getObject(2));
                assertEquals(elsewhere.cohort().slug(), rs.getString(3));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        // a cohort of the user's own academy still places the activity
        post(api, s.student().token(), s.student().email(), Map.of("slug", "lesson_opened", "cohort", s.cohort().slug()))
                .then().statusCode(201).body("academy_id", equalTo((int) s.academy())).body("day", equalTo(4));
    }

    @Test
    void aRoleChangeDecidesTheVeryNextRequestForTheWriterAndForTheUserWrittenFor() {
        School s = school();
        Api api = s.api();
        String user = "/v1/activity/user/" + s.student().id();
        String academy = String.valueOf(s.academy());
        api.as(s.teacher().token()).header("Academy", academy).get(user).then().statusCode(200);
        // the teacher becomes a student of the academy: read_activity goes
        api.addToAcademy(s.academy(), s.teacher().id(), "student");
        api.as(s.teacher().token()).header("Academy", academy).get(user).then().statusCode(403)
                .body("detail", equalTo("You (user: " + s.teacher().id() + ") don't have this capability: read_activity for academy "
                        + s.academy()));
        api.addToAcademy(s.academy(), s.teacher().id(), "teacher");
        api.as(s.teacher().token()).header("Academy", academy).get(user).then().statusCode(200);

        // a newcomer outside the academy is nobody the teacher may write for, until they join it
        Api.User newcomer = api.newUser();
        post(api, s.teacher().token(), String.valueOf(newcomer.id()), Map.of("slug", "lesson_opened"))
                .then().statusCode(403);
        api.addToAcademy(s.academy(), newcomer.id(), "student");
        post(api, s.teacher().token(), String.valueOf(newcomer.id()), Map.of("slug", "lesson_opened"))
                .then().statusCode(201).body("user_id", equalTo((int) newcomer.id()));
    }

    @Test
    void jsonNestedDeeperThanTheParsersLimitIs400NeverA500() {
        School s = school();
        String deep = "{\"slug\":\"lesson_opened\",\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        s.api().as(s.student().token()).body(deep).post("/v1/activity/user/" + s.student().id())
                .then().statusCode(400).body("non_field_errors", hasItem("The request body is not valid JSON."));
    }

    @Test
    void idsTooLargeForANumberAre404NeverA500() {
        School s = school();
        Api api = s.api();
        // no such cohort id: a name no cohort has, read by platform administrators
        api.as(s.teacher().token()).get("/v1/activity/cohort/99999999999999999999").then().statusCode(403)
                .body("slug", equalTo("cohort-not-in-pulse"));
        api.as(api.adminToken()).get("/v1/activity/cohort/99999999999999999999").then().statusCode(200);
        api.as(s.teacher().token()).get("/v1/activity/user/99999999999999999999").then().statusCode(404)
                .body("slug", equalTo("user-not-found"));
        api.as(s.student().token()).body(Map.of("slug", "lesson_opened", "cohort", new BigInteger("99999999999999999999")))
                .post("/v1/activity/user/" + s.student().id()).then().statusCode(400).body("cohort", hasSize(1));
    }

    @Test
    void anActivityOrCodingErrorForALiveAccountIsStoredWithANullEmailAndItsOwnTokenIsNotAcceptedHere() throws Exception {
        Api api = api();
        String liveToken = api.json().body(Map.of("name", "Live Mentor", "username", Api.unique("live"), "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(liveToken.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        int id = io.restassured.path.json.JsonPath.from(claims).getInt("account_id");
        // a Live sign-up's token is for the Live family only
        api.as(liveToken).body(Map.of("slug", "lesson_opened")).post("/v1/activity/user/" + id)
                .then().statusCode(401).body("status_code", equalTo(401));
        // an administrator records for the account by its numeric id, as the legacy CLI's body has it
        int activity = api.as(api.adminToken()).body(Map.of("slug", "lesson_opened", "user_agent", "bc/cli",
                        "data", "{\"exercise\":\"01-hello-world\"}"))
                .post("/v1/activity/user/" + id)
                .then().statusCode(201).body("user_id", equalTo(id)).body("email", nullValue()).extract().path("id");
        api.as(api.adminToken()).body(Map.of("user_id", id, "slug", "webpack_error", "message", "m", "name", "n",
                        "severity", 0, "details", "d"))
                .post("/v1/activity/coding_error").then().statusCode(201).body("user_id", equalTo(id))
                .body("email", nullValue());
        // so does staff holding classroom_activity in the account's academy
        long academy = api.newAcademy();
        api.addToAcademy(academy, id, "student");
        Api.User teacher = api.newUser();
        api.addToAcademy(academy, teacher.id(), "teacher");
        api.as(teacher.token()).body(Map.of("slug", "classroom_attendance")).post("/v1/activity/user/" + id)
                .then().statusCode(201).body("email", nullValue());
        api.as(api.adminToken()).get("/v1/activity/user/" + id).then().statusCode(200)
                .body("id", hasItem(activity)).body("email", everyItem(nullValue()));
        api.as(api.adminToken()).get("/v1/activity/coding_error/" + id).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].email", nullValue());
        try (Connection c = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                PreparedStatement q = c.prepareStatement("select email from activity where id = ?")) {
            q.setLong(1, activity);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertNull(rs.getString(1));
            }
        }
    }

    @Test
    void unknownUsersAre404() {
        School s = school();
        Api api = s.api();
        api.as(s.teacher().token()).body(Map.of("slug", "lesson_opened")).post("/v1/activity/user/nobody-here@pulse.test")
                .then().statusCode(404).body("slug", equalTo("user-not-found")).body("status_code", equalTo(404))
                .body("detail", notNullValue());
        api.as(s.teacher().token()).get("/v1/activity/user/999999999").then().statusCode(404).body("slug", equalTo("user-not-found"));
        api.as(s.teacher().token()).get("/v1/activity/coding_error/nobody-here@pulse.test").then().statusCode(404)
                .body("slug", equalTo("user-not-found"));
        api.as(s.teacher().token()).body(Map.of("user_id", "nobody-here@pulse.test", "slug", "webpack_error",
                "message", "m", "name", "n")).post("/v1/activity/coding_error").then().statusCode(404)
                .body("slug", equalTo("user-not-found"));
    }

    // ---- coding errors ----

    @Test
    void codingErrorsAreRecordedWithOrWithoutTheTrailingSlashAndListedNewestFirst() {
        School s = school();
        Api api = s.api();
        Response first = api.as(s.student().token()).body(Map.of("user_id", s.student().email(), "slug", "webpack_error",
                        "data", "optional additional information", "message", "file not found", "name", "module-not-found",
                        "severity", "900", "details", "stack trace"))
                .post("/v1/activity/coding_error/");
        first.then().statusCode(201).body("severity", equalTo(900)).body("email", equalTo(s.student().email()))
                .body("user_id", equalTo((int) s.student().id())).body("slug", equalTo("webpack_error"))
                .body("message", equalTo("file not found")).body("name", equalTo("module-not-found"))
                .body("details", equalTo("stack trace")).body("data", equalTo("optional additional information"));
        Response second = api.as(s.student().token()).body(Map.of("user_id", s.student().id(), "slug", "syntax_error",
                "message", "unexpected token", "name", "syntax", "severity", 300)).post("/v1/activity/coding_error");
        second.then().statusCode(201).body("severity", equalTo(300));
        api.as(s.student().token()).get("/v1/activity/coding_error/" + s.student().id())
                .then().statusCode(200).body("id", equalTo(List.of(second.<Integer>path("id"), first.<Integer>path("id"))));
        api.as(s.student().token()).get("/v1/activity/coding_error/" + s.student().email() + "?slug=webpack_error")
                .then().statusCode(200).body("id", equalTo(List.of(first.<Integer>path("id"))));
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy()))
                .get("/v1/activity/coding_error/" + s.student().id()).then().statusCode(200).body("$", hasSize(2));

        api.as(s.student().token()).body(Map.of("user_id", s.student().email())).post("/v1/activity/coding_error/")
                .then().statusCode(400).body("slug", hasItem("This field is required."))
                .body("message", hasItem("This field is required.")).body("name", hasItem("This field is required."));
        api.as(s.student().token()).body(Map.of("user_id", s.student().email(), "slug", "webpack_error", "message", "m",
                "name", "n", "severity", "high")).post("/v1/activity/coding_error/")
                .then().statusCode(400).body("severity", hasItem("A valid integer is required."));
        api.as(s.student().token()).body(Map.of("slug", "webpack_error", "message", "m", "name", "n"))
                .post("/v1/activity/coding_error/").then().statusCode(400).body("user_id", hasItem("This field is required."));
        Api.User stranger = api.newUser();
        api.as(stranger.token()).body(Map.of("user_id", s.student().email(), "slug", "webpack_error", "message", "m",
                "name", "n")).post("/v1/activity/coding_error/").then().statusCode(403);
    }

    // ---- reports ----

    @Test
    void reportsCountBySlugAndByDayInTheirScope() {
        School s = school();
        Api api = s.api();
        Api.User other = api.newUser();
        api.addToAcademy(s.academy(), other.id(), "student");
        String inCohort = "{\"cohort\":\"" + s.cohort().slug() + "\"}";
        for (int i = 0; i < 3; i++) {
            post(api, s.student().token(), s.student().email(), Map.of("slug", "lesson_opened", "data", inCohort)).then().statusCode(201);
        }
        post(api, s.student().token(), s.student().email(), Map.of("slug", "exercise_success", "data", inCohort)).then().statusCode(201);
        post(api, s.student().token(), s.student().email(), Map.of("slug", "breathecode_login")).then().statusCode(201);
        post(api, other.token(), other.email(), Map.of("slug", "lesson_opened", "data", inCohort)).then().statusCode(201);

        api.as(s.student().token()).get("/v1/activity/report?by=slug&user=" + s.student().id())
                .then().statusCode(200)
                .body("slug", equalTo(List.of("lesson_opened", "breathecode_login", "exercise_success")))
                .body("count", equalTo(List.of(3, 1, 1)));
        api.as(s.teacher().token()).get("/v1/activity/report?by=slug&cohort=" + s.cohort().slug())
                .then().statusCode(200).body("slug", equalTo(List.of("lesson_opened", "exercise_success")))
                .body("count", equalTo(List.of(4, 1)));
        api.as(s.teacher().token()).get("/v1/activity/report?by=slug&cohort=" + s.cohort().id() + "&slug=exercise_success")
                .then().statusCode(200).body("count", equalTo(List.of(1)));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        api.as(s.teacher().token()).get("/v1/activity/report?by=day&cohort=" + s.cohort().slug() + "&since=" + today)
                .then().statusCode(200).body("day", hasItem(today)).body("count.sum()", equalTo(5));
        // academy-wide: the five recorded in the academy's cohort; the login named no cohort, hence no academy
        api.as(s.teacher().token()).header("Academy", String.valueOf(s.academy())).get("/v1/activity/report")
                .then().statusCode(200).body("count.sum()", equalTo(5));
        api.as(s.student().token()).get("/v1/activity/report?by=slug&user=" + s.student().id() + "&since=2999-01-01")
                .then().statusCode(200).body("$", hasSize(0));
        api.as(s.student().token()).get("/v1/activity/report?by=week&user=" + s.student().id())
                .then().statusCode(400).body("by", notNullValue());
        api.as(s.student().token()).get("/v1/activity/report?user=" + other.id()).then().statusCode(403);
        api.as(s.student().token()).get("/v1/activity/report?cohort=" + s.cohort().slug()).then().statusCode(403);
        api.as(s.student().token()).get("/v1/activity/report").then().statusCode(403);
    }

    // ---- concurrent writes (group commit) ----

    @Test
    void concurrentActivitiesAndCodingErrorsAreEachStoredOnceAndAnsweredWithTheirOwnRow() throws Exception {
        School s = school();
        Api api = s.api();
        int n = 48;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<Response>> activities = new ArrayList<>();
        List<Future<Response>> errors = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String data = "{\"attempt\": " + i + "}";
                String message = "failure " + i;
                activities.add(pool.submit(() -> post(api, s.student().token(), String.valueOf(s.student().id()),
                        Map.of("slug", "exercise_success", "data", data, "cohort", s.cohort().slug()))));
                errors.add(pool.submit(() -> api.as(s.student().token()).body(Map.of("user_id", s.student().id(),
                        "slug", "webpack_error", "message", message, "name", "concurrent")).post("/v1/activity/coding_error")));
            }
            Set<Integer> activityIds = new HashSet<>();
            Set<Integer> errorIds = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Response activity = activities.get(i).get();
                activity.then().statusCode(201).body("data.attempt", equalTo(i)).body("slug", equalTo("exercise_success"))
                        .body("cohort", equalTo(s.cohort().slug())).body("day", equalTo(4));
                activityIds.add(activity.path("id"));
                Response error = errors.get(i).get();
                error.then().statusCode(201).body("message", equalTo("failure " + i)).body("name", equalTo("concurrent"));
                errorIds.add(error.path("id"));
            }
            assertEquals(n, activityIds.size(), "every activity its own id");
            assertEquals(n, errorIds.size(), "every coding error its own id");
            List<Integer> listed = api.as(s.student().token())
                    .get("/v1/activity/user/" + s.student().id() + "?slug=exercise_success&limit=1000")
                    .then().statusCode(200).extract().path("results.id");
            assertEquals(activityIds, new HashSet<>(listed));
            assertEquals(n, listed.size());
            List<Integer> listedErrors = api.as(s.student().token())
                    .get("/v1/activity/coding_error/" + s.student().id() + "?limit=1000")
                    .then().statusCode(200).extract().path("results.id");
            assertEquals(errorIds, new HashSet<>(listedErrors));
            assertEquals(n, listedErrors.size());
        } finally {
            pool.shutdown();
        }
    }

    // ---- the store contract ----

    @TestFactory
    Stream<DynamicTest> theStoreContractHoldsOnPostgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(IntegrationDatabase.jdbcUrl());
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        PostgresActivityStore store = new PostgresActivityStore(dataSource, new Meter());
        return new ActivityStoreContract(() -> store).cases("postgres");
    }

    @TestFactory
    Stream<DynamicTest> theStoreContractHoldsOnDatastore() {
        String emulator = System.getenv("DATASTORE_EMULATOR_HOST");
        if (emulator == null || emulator.isBlank()) {
            String reason = "Datastore contract run skipped: DATASTORE_EMULATOR_HOST is not set "
                    + "(start `gcloud beta emulators datastore start` and export it to run it)";
            System.out.println(reason);
            return Stream.of(DynamicTest.dynamicTest("datastore: skipped", () -> Assumptions.abort(reason)));
        }
        String project = System.getenv().getOrDefault("DATASTORE_PROJECT_ID", "pulse-test");
        DatastoreActivityStore store = DatastoreActivityStore.connect(project, emulator);
        return new ActivityStoreContract(() -> store).cases("datastore");
    }
}
