package dev.pulse.telemetry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.AtOnce;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Assignment telemetry on the real WAR: every rule of the API, exact messages and all. */
class TelemetryIT {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z";
    private static final String FORMAT =
            "Duration has wrong format. Use one of these formats instead: [HH:MM:SS, PT...].";

    /** The one Pulse of this test run (the real WAR on Payara Micro, shared by every HTTP-level test). */
    final URL base = PulseServer.baseUrl();

    /** An academy with a coordinator (who has crud_telemetry) and a student in it. */
    private record School(Api api, long academy, Api.User staff, Api.User student) {
        RequestSpecification asStaff() {
            return api.as(staff.token()).header("Academy", String.valueOf(academy));
        }

        String path(String asset) {
            return path(asset, String.valueOf(student.id()));
        }

        static String path(String asset, String user) {
            return "/v1/assignment/academy/asset/" + asset + "/user/" + user + "/telemetry";
        }
    }

    private School school() {
        Api api = new Api(base);
        long academy = api.newAcademy();
        Api.User staff = api.newUser();
        Api.User student = api.newUser();
        api.addToAcademy(academy, staff.id(), "academy_coordinator");
        api.addToAcademy(academy, student.id(), "student");
        return new School(api, academy, staff, student);
    }

    private static String asset() {
        return Api.unique("asset");
    }

    // 1. POST upserts: 201 then 200, partial

    @Test
    void postCreatesWith201AndAnswersTheExactFields() {
        School s = school();
        String asset = asset();
        Response created = s.asStaff().body("""
                {"telemetry":{"events":["start","code_edit"],"nested":{"a":[1,{"b":true}]}},"engagement_score":85.5,
                 "frustration_score":12.3,"metrics_algo_version":1.2,"metrics":{"completion_rate":95.5},
                 "total_time":"01:00:00","completion_rate":95.5}""")
                .post(s.path(asset));
        created.then().statusCode(201)
                .body("id", notNullValue())
                .body("user", equalTo((int) s.student().id()))
                .body("asset_slug", equalTo(asset))
                .body("telemetry.events", equalTo(List.of("start", "code_edit")))
                .body("telemetry.nested.a[1].b", equalTo(true))
                .body("engagement_score", equalTo(85.5f))
                .body("frustration_score", equalTo(12.3f))
                .body("metrics_algo_version", equalTo(1.2f))
                .body("metrics.completion_rate", equalTo(95.5f))
                .body("total_time", equalTo("01:00:00"))
                .body("completion_rate", equalTo(95.5f))
                .body("created_at", matchesPattern(TIMESTAMP))
                .body("updated_at", matchesPattern(TIMESTAMP));
        assertEquals(Set.of("id", "user", "asset_slug", "telemetry", "engagement_score", "frustration_score",
                "metrics_algo_version", "metrics", "total_time", "completion_rate", "created_at", "updated_at"),
                created.jsonPath().getMap("$").keySet());
    }

    @Test
    void aSecondPostUpdatesWith200AndChangesOnlyTheFieldsPresent() {
        School s = school();
        String asset = asset();
        int id = s.asStaff().body("{\"telemetry\":{\"events\":[\"start\"]},\"engagement_score\":0,\"completion_rate\":0}")
                .post(s.path(asset)).then().statusCode(201).extract().path("id");
        Response updated = s.asStaff().body("{\"engagement_score\":92.0,\"completion_rate\":100.0}").post(s.path(asset));
        updated.then().statusCode(200)
                .body("id", equalTo(id))
                .body("engagement_score", equalTo(92.0f))
                .body("completion_rate", equalTo(100.0f))
                .body("telemetry.events", equalTo(List.of("start")))
                .body("frustration_score", nullValue())
                .body("total_time", nullValue());
        s.asStaff().body("{}").post(s.path(asset)).then().statusCode(200).body("engagement_score", equalTo(92.0f));
    }

    @Test
    void readOnlyAndUnknownFieldsInTheBodyAreIgnored() {
        School s = school();
        String asset = asset();
        s.asStaff().body("{\"id\":999999,\"user\":1,\"asset_slug\":\"other\",\"created_at\":\"2000-01-01T00:00:00Z\","
                        + "\"updated_at\":\"2000-01-01T00:00:00Z\",\"colour\":\"red\",\"completion_rate\":10}")
                .post(s.path(asset)).then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(999999)))
                .body("user", equalTo((int) s.student().id()))
                .body("asset_slug", equalTo(asset))
                .body("created_at", org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("2000")))
                .body("completion_rate", equalTo(10.0f))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("colour")));
    }

    // 2. PUT updates only

    @Test
    void putUpdatesOnlyTheFieldsPresent() {
        School s = school();
        String asset = asset();
        s.asStaff().body("{\"engagement_score\":50,\"frustration_score\":5,\"total_time\":\"00:30:00\"}")
                .post(s.path(asset)).then().statusCode(201);
        s.asStaff().body("{\"frustration_score\":8.5,\"total_time\":\"PT1H30M\"}").put(s.path(asset))
                .then().statusCode(200)
                .body("engagement_score", equalTo(50.0f))
                .body("frustration_score", equalTo(8.5f))
                .body("total_time", equalTo("01:30:00"));
    }

    @Test
    void totalTimeTakesEveryFormDjangoRestFrameworkReads() {
        School s = school();
        Map<String, String> written = Map.of("5400", "01:30:00", "30:00", "00:30:00", "1 02:00:00", "26:00:00",
                "01:30:00.5", "01:30:00.500000");
        written.forEach((given, answered) -> s.asStaff().body(Map.of("total_time", given)).post(s.path(asset()))
                .then().statusCode(201).body("total_time", equalTo(answered)));
    }

    @Test
    void putOnAMissingRecordIsTheExact404() {
        School s = school();
        Response r = s.asStaff().body("{\"engagement_score\":90.0}").put(s.path("intro-to-python"));
        r.then().statusCode(404);
        assertEquals(Map.of("detail", "Assignment telemetry not found for asset intro-to-python and user "
                        + s.student().id(), "status_code", 404, "slug", "telemetry-not-found"),
                r.jsonPath().getMap("$"));
    }

    // 3. GET one, DELETE, the academy list

    @Test
    void getReadsTheRecordAndDeleteRemovesItWith204() {
        School s = school();
        String asset = asset();
        int id = s.asStaff().body("{\"completion_rate\":40}").post(s.path(asset)).then().statusCode(201)
                .extract().path("id");
        s.asStaff().get(s.path(asset)).then().statusCode(200).body("id", equalTo(id))
                .body("completion_rate", equalTo(40.0f));
        Response deleted = s.asStaff().delete(s.path(asset));
        deleted.then().statusCode(204);
        assertEquals("", deleted.asString());
        s.asStaff().get(s.path(asset)).then().statusCode(404).body("slug", equalTo("telemetry-not-found"))
                .body("detail", equalTo("Assignment telemetry not found for asset " + asset + " and user "
                        + s.student().id()));
        s.asStaff().delete(s.path(asset)).then().statusCode(404).body("slug", equalTo("telemetry-not-found"));
        // after a delete, a POST creates again
        s.asStaff().body("{}").post(s.path(asset)).then().statusCode(201);
    }

    @Test
    void theAcademyListIsNewestUpdateFirstAndKeysetPaginated() {
        School s = school();
        List<String> assets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String asset = asset();
            assets.add(asset);
            s.asStaff().body("{\"completion_rate\":" + (i * 10) + "}").post(s.path(asset)).then().statusCode(201);
        }
        // touching the first makes it the newest
        s.asStaff().body("{\"completion_rate\":99}").put(s.path(assets.get(0))).then().statusCode(200);
        List<String> expected = List.of(assets.get(0), assets.get(4), assets.get(3), assets.get(2), assets.get(1));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = s.asStaff().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/assignment/academy/telemetry");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("results.asset_slug"));
            cursor = page.path("next_cursor");
            if (cursor != null) {
                assertTrue(page.<String>path("next").contains("cursor=" + cursor));
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected, seen);
        assertEquals(3, pages);

        // another academy's records never show
        School other = school();
        other.asStaff().get("/v1/assignment/academy/telemetry").then().statusCode(200).body("results", hasSize(0));
    }

    @Test
    void theListFiltersByAssetUserAndCohort() {
        School s = school();
        String asset = asset();
        Api.User second = s.api().newUser();
        s.api().addToAcademy(s.academy(), second.id(), "student");
        Api.Cohort cohort = s.api().newCohort(s.academy(), null);
        s.api().addToCohort(cohort.slug(), second.id(), "STUDENT");
        s.asStaff().body("{\"completion_rate\":1}").post(s.path(asset)).then().statusCode(201);
        s.asStaff().body("{\"completion_rate\":2}").post(School.path(asset, String.valueOf(second.id())))
                .then().statusCode(201);
        s.asStaff().body("{\"completion_rate\":3}").post(s.path(asset())).then().statusCode(201);

        s.asStaff().queryParam("asset", asset).get("/v1/assignment/academy/telemetry").then().statusCode(200)
                .body("results", hasSize(2));
        s.asStaff().queryParam("user", s.student().id()).get("/v1/assignment/academy/telemetry").then()
                .statusCode(200).body("results", hasSize(2));
        s.asStaff().queryParam("user", second.email()).get("/v1/assignment/academy/telemetry").then()
                .statusCode(200).body("results", hasSize(1)).body("results[0].completion_rate", equalTo(2.0f));
        s.asStaff().queryParam("cohort", cohort.slug()).get("/v1/assignment/academy/telemetry").then()
                .statusCode(200).body("results", hasSize(1)).body("results[0].user", equalTo((int) second.id()));
        s.asStaff().queryParam("cohort", "no-such-cohort").get("/v1/assignment/academy/telemetry").then()
                .statusCode(404).body("slug", equalTo("cohort-not-found"));
        s.asStaff().queryParam("limit", "many").queryParam("cursor", "nonsense!")
                .get("/v1/assignment/academy/telemetry").then().statusCode(400)
                .body("limit", equalTo(List.of("A valid integer is required.")))
                .body("cursor", equalTo(List.of("Invalid cursor.")));
    }

    // 5. validation: every message, every field at once

    @Test
    void everyInvalidFieldIsReportedAtOnceInTheDrfShape() {
        School s = school();
        Response r = s.asStaff().body("""
                {"engagement_score":100.5,"frustration_score":-0.1,"completion_rate":"lots","total_time":"90 minutes",
                 "telemetry":[1,2,3],"metrics":"{}","metrics_algo_version":"v1"}""")
                .post(s.path(asset()));
        r.then().statusCode(400);
        assertEquals(Map.of(
                "engagement_score", List.of("Ensure this value is less than or equal to 100."),
                "frustration_score", List.of("Ensure this value is greater than or equal to 0."),
                "completion_rate", List.of("A valid number is required."),
                "total_time", List.of(FORMAT),
                "telemetry", List.of("Value must be valid JSON object."),
                "metrics", List.of("Value must be valid JSON object."),
                "metrics_algo_version", List.of("A valid number is required.")), r.jsonPath().getMap("$"));
    }

    @Test
    void eachBoundAndTypeMessageIsExact() {
        School s = school();
        String path = s.path(asset());
        s.asStaff().body("{\"completion_rate\":101}").post(path).then().statusCode(400)
                .body("completion_rate", equalTo(List.of("Ensure this value is less than or equal to 100.")));
        s.asStaff().body("{\"completion_rate\":-1}").post(path).then().statusCode(400)
                .body("completion_rate", equalTo(List.of("Ensure this value is greater than or equal to 0.")));
        s.asStaff().body("{\"engagement_score\":true}").post(path).then().statusCode(400)
                .body("engagement_score", equalTo(List.of("A valid number is required.")));
        s.asStaff().body("{\"frustration_score\":{}}").post(path).then().statusCode(400)
                .body("frustration_score", equalTo(List.of("A valid number is required.")));
        s.asStaff().body("{\"total_time\":\"-01:00:00\"}").post(path).then().statusCode(400)
                .body("total_time", equalTo(List.of("Ensure this value is greater than or equal to 00:00:00.")));
        s.asStaff().body("{\"total_time\":\"1 day\"}").post(path).then().statusCode(400)
                .body("total_time", equalTo(List.of(FORMAT)));
        s.asStaff().body("{\"telemetry\":\"not an object\"}").post(path).then().statusCode(400)
                .body("telemetry", equalTo(List.of("Value must be valid JSON object.")));
        s.asStaff().body("{\"metrics\":42}").put(path).then().statusCode(400)
                .body("metrics", equalTo(List.of("Value must be valid JSON object.")));
        // jsonb would write 1e131071 out as 131,072 digits and refuses 1e131072
        s.asStaff().body("{\"telemetry\":{\"steps\":[{\"score\":1e131072}]}}").post(path).then().statusCode(400)
                .body("telemetry", equalTo(List.of("Numbers must be within the range of a 64-bit float.")));
        // nothing was stored by any of the refused requests
        s.asStaff().get(path).then().statusCode(404);
    }

    @Test
    void bothDurationFormatsRoundTripToHoursMinutesSeconds() {
        School s = school();
        String path = s.path(asset());
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("01:00:00", "01:00:00");
        cases.put("PT1H30M", "01:30:00");
        cases.put("P1DT2H", "26:00:00");
        cases.put("30:15:07", "30:15:07");
        cases.put("PT45S", "00:00:45");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            s.asStaff().body("{\"total_time\":\"" + c.getKey() + "\"}").post(path).then()
                    .body("total_time", equalTo(c.getValue()));
            s.asStaff().get(path).then().statusCode(200).body("total_time", equalTo(c.getValue()));
        }
    }

    @Test
    void anAssetSlugThatIsNotASlugIsA400() {
        School s = school();
        s.asStaff().body("{}").post(s.path("Intro_To_Python")).then().statusCode(400)
                .body("asset_slug", equalTo(List.of(
                        "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens.")));
        s.asStaff().body("{}").post(s.path("a".repeat(201))).then().statusCode(400)
                .body("asset_slug", equalTo(List.of("Ensure this field has no more than 200 characters.")));
        s.asStaff().body("{}").post(s.path("a".repeat(200))).then().statusCode(201);
    }

    @Test
    void aBodyThatIsNotJsonOrNotAnObjectIsA400() {
        School s = school();
        s.asStaff().body("{\"completion_rate\":").post(s.path(asset())).then().statusCode(400)
                .body("status_code", equalTo(400));
        s.asStaff().body("[1,2]").post(s.path(asset())).then().statusCode(400)
                .body("non_field_errors", equalTo(List.of("Invalid data. Expected a dictionary, but got list.")));
    }

    // 6. users, tokens, capabilities

    @Test
    void anUnknownUserIsTheExact404() {
        School s = school();
        for (String method : List.of("POST", "PUT", "GET", "DELETE")) {
            RequestSpecification request = s.asStaff();
            if (method.startsWith("P")) {
                request.body("{}");
            }
            Response r = request.request(method, School.path("intro-to-python", "999999999"));
            r.then().statusCode(404);
            assertEquals(Map.of("detail", "User with id 999999999 not found", "status_code", 404,
                    "slug", "user-not-found"), r.jsonPath().getMap("$"), method);
        }
    }

    @Test
    void aUserOutsideTheAcademyIsA403ForTheAccountExists() {
        School s = school();
        Api.User stranger = s.api().newUser();
        for (String method : List.of("POST", "PUT", "GET", "DELETE")) {
            RequestSpecification request = s.asStaff();
            if (method.startsWith("P")) {
                request.body("{\"completion_rate\":5}");
            }
            Response r = request.request(method, School.path("intro-to-python", String.valueOf(stranger.id())));
            r.then().statusCode(403);
            assertEquals(Map.of("detail", "User " + stranger.id() + " does not belong to academy " + s.academy(),
                    "status_code", 403), r.jsonPath().getMap("$"), method);
        }
    }

    @Test
    void withoutATokenItIs401() {
        School s = school();
        s.api().json().header("Academy", String.valueOf(s.academy())).body("{}").post(s.path(asset()))
                .then().statusCode(401).body("status_code", equalTo(401));
        s.api().json().header("Academy", String.valueOf(s.academy())).get("/v1/assignment/academy/telemetry")
                .then().statusCode(401);
    }

    @Test
    void capabilityFailuresAreTheExact403s() {
        School s = school();
        String path = s.path(asset());
        Response missing = s.api().as(s.staff().token()).body("{}").post(path);
        missing.then().statusCode(403);
        assertEquals(Map.of("detail", "Missing academy_id parameter expected for the endpoint url or 'Academy' header",
                "status_code", 403), missing.jsonPath().getMap("$"));

        Response student = s.api().as(s.student().token()).header("Academy", String.valueOf(s.academy()))
                .body("{}").post(path);
        student.then().statusCode(403);
        assertEquals(Map.of("detail", "You (user: " + s.student().id() + ") don't have this capability: "
                + "crud_telemetry for academy " + s.academy(), "status_code", 403), student.jsonPath().getMap("$"));

        Api.User staffRole = s.api().newUser();
        s.api().addToAcademy(s.academy(), staffRole.id(), "staff"); // staff has no crud_telemetry
        s.api().as(staffRole.token()).header("Academy", String.valueOf(s.academy())).get(path).then().statusCode(403)
                .body("detail", equalTo("You (user: " + staffRole.id() + ") don't have this capability: "
                        + "crud_telemetry for academy " + s.academy()));

        // a coordinator of another academy may not write here either
        long elsewhere = s.api().newAcademy();
        s.api().as(s.staff().token()).header("Academy", String.valueOf(elsewhere)).body("{}").post(path)
                .then().statusCode(403).body("detail", equalTo("You (user: " + s.staff().id()
                        + ") don't have this capability: crud_telemetry for academy " + elsewhere));
        s.api().as(s.staff().token()).header("Academy", "abc").body("{}").post(path).then().statusCode(400)
                .body("detail", equalTo("Academy ID needs to be an integer: abc"));
    }

    // 7. concurrency

    @Test
    void parallelPostsForOneAssetAndUserMakeOneRecord() throws Exception {
        School s = school();
        String asset = asset();
        int n = 16;
        List<HttpResponse<String>> responses = AtOnce.run(n, i -> request(s, "POST", s.path(asset),
                "{\"completion_rate\":" + i + ",\"telemetry\":{\"attempt\":" + i + "}}"));
        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        assertEquals(1, statuses.stream().filter(c -> c == 201).count(), statuses.toString());
        assertEquals(n - 1, statuses.stream().filter(c -> c == 200).count(), statuses.toString());
        Set<String> ids = new HashSet<>();
        responses.forEach(r -> ids.add(io.restassured.path.json.JsonPath.from(r.body()).getString("id")));
        assertEquals(1, ids.size());
        s.asStaff().queryParam("asset", asset).get("/v1/assignment/academy/telemetry").then().statusCode(200)
                .body("results", hasSize(1));
    }

    @Test
    void parallelPutsOfDifferentFieldsLoseNothing() throws Exception {
        School s = school();
        String asset = asset();
        s.asStaff().body("{}").post(s.path(asset)).then().statusCode(201);
        List<String> bodies = List.of("{\"engagement_score\":11}", "{\"frustration_score\":22}",
                "{\"completion_rate\":33}", "{\"metrics_algo_version\":4.5}", "{\"total_time\":\"PT2H\"}",
                "{\"metrics\":{\"tests\":7}}", "{\"telemetry\":{\"events\":[\"done\"]}}");
        for (int round = 0; round < 3; round++) {
            List<HttpResponse<String>> responses = AtOnce.run(bodies.size(),
                    i -> request(s, "PUT", s.path(asset), bodies.get(i)));
            responses.forEach(r -> assertEquals(200, r.statusCode(), r.body()));
        }
        s.asStaff().get(s.path(asset)).then().statusCode(200)
                .body("engagement_score", equalTo(11.0f)).body("frustration_score", equalTo(22.0f))
                .body("completion_rate", equalTo(33.0f)).body("metrics_algo_version", equalTo(4.5f))
                .body("total_time", equalTo("02:00:00")).body("metrics.tests", equalTo(7))
                .body("telemetry.events", equalTo(List.of("done")));
    }

    // 8. large telemetry

    @Test
    void tenMebibytesOfTelemetryAreStoredAndMoreIsA413() {
        School s = school();
        String asset = asset();
        int tenMiB = 10 * 1024 * 1024;
        String blob = "x".repeat(tenMiB - 64);
        s.asStaff().body("{\"telemetry\":{\"blob\":\"" + blob + "\"},\"completion_rate\":1}").post(s.path(asset))
                .then().statusCode(201);
        String stored = s.asStaff().get(s.path(asset)).then().statusCode(200).extract().path("telemetry.blob");
        assertEquals(blob.length(), stored.length());
        assertEquals(blob, stored);

        // telemetry just over 10 MiB (the body is still under the transport limit)
        String tooBig = "y".repeat(tenMiB + 100);
        s.asStaff().body("{\"telemetry\":{\"blob\":\"" + tooBig + "\"}}").post(s.path(asset))
                .then().statusCode(413).body("slug", equalTo("payload-too-large"));
        // a body well over the limit is refused before it is read
        s.asStaff().body("{\"telemetry\":{\"blob\":\"" + "z".repeat(11 * 1024 * 1024) + "\"}}").put(s.path(asset))
                .then().statusCode(413).body("slug", equalTo("payload-too-large"));
        // the stored record is unchanged
        s.asStaff().get(s.path(asset)).then().statusCode(200).body("completion_rate", equalTo(1.0f));
    }

    @Test
    void theBodyLimitIsTenMebibytesAndSixtyFourKibibytesForStaffAndSixtyFourKibibytesForStrangers() {
        School s = school();
        String asset = asset();
        int largest = 10 * 1024 * 1024 + 64 * 1024;
        String open = "{\"telemetry\":{\"blob\":\"";
        String close = "\"}}";
        String atTheLimit = open + "x".repeat(largest - open.length() - close.length()) + close;
        // the whole body is read: the telemetry check, not the body limit, refuses it
        s.asStaff().body(atTheLimit).post(s.path(asset)).then().statusCode(413)
                .body("detail", org.hamcrest.Matchers.startsWith("Telemetry is larger"));
        s.asStaff().body(atTheLimit.replace(open, open + "x")).post(s.path(asset)).then().statusCode(413)
                .body("slug", equalTo("payload-too-large"))
                .body("detail", equalTo("Request body is larger than the limit of " + largest + " bytes"));
        // without a token the large limit does not apply, and the answer is the 401 before any read
        s.api().json().header("Academy", String.valueOf(s.academy())).body(atTheLimit).post(s.path(asset))
                .then().statusCode(401);
    }

    @Test
    void aPageEndsBeforeItsDocumentsPassSixteenMebibytes() {
        School s = school();
        String blob = "x".repeat(6 * 1024 * 1024);
        List<String> assets = List.of(asset(), asset(), asset());
        for (String asset : assets) {
            s.asStaff().body("{\"telemetry\":{\"blob\":\"" + blob + "\"}}").post(s.path(asset)).then().statusCode(201);
        }
        // three records fit the count, but the third would take the page's documents to 18 MiB
        Response first = s.asStaff().queryParam("user", s.student().id()).queryParam("limit", 3)
                .get("/v1/assignment/academy/telemetry");
        first.then().statusCode(200).body("results", hasSize(2))
                .body("results.asset_slug", equalTo(List.of(assets.get(2), assets.get(1))))
                .body("next_cursor", notNullValue());
        s.asStaff().queryParam("user", s.student().id()).queryParam("limit", 3)
                .queryParam("cursor", first.path("next_cursor").toString())
                .get("/v1/assignment/academy/telemetry").then().statusCode(200)
                .body("results", hasSize(1)).body("results[0].asset_slug", equalTo(assets.get(0)))
                .body("next_cursor", nullValue());
    }

    // helpers for the races: plain HTTP clients, released together by AtOnce

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> request(School s, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.api().url(path)))
                .header("Authorization", "Token " + s.staff().token())
                .header("Academy", String.valueOf(s.academy()))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOpenApiDocumentDescribesEveryTelemetryOperation() {
        Response doc = new Api(base).request().accept(io.restassured.http.ContentType.JSON).get("/openapi");
        doc.then().statusCode(200);
        Map<String, Object> one = doc.jsonPath().getMap("paths.'/v1/assignment/academy/asset/{asset_slug}/user/{user_id}/telemetry'");
        assertEquals(Set.of("post", "put", "get", "delete"), Set.copyOf(
                one.keySet().stream().filter(k -> !k.equals("parameters")).toList()));
        doc.then().body("paths.'/v1/assignment/academy/telemetry'.get.responses", org.hamcrest.Matchers.hasKey("200"))
                .body("paths.'/v1/assignment/academy/asset/{asset_slug}/user/{user_id}/telemetry'.post.responses",
                        org.hamcrest.Matchers.hasKey("201"));
    }

    @Test
    void createdAndUpdatedTimesMoveApart() {
        School s = school();
        String asset = asset();
        Response first = s.asStaff().body("{}").post(s.path(asset));
        Response second = s.asStaff().body("{\"completion_rate\":5}").put(s.path(asset));
        assertEquals(first.<String>path("created_at"), second.<String>path("created_at"));
        assertNotEquals(first.<String>path("updated_at"), second.<String>path("updated_at"));
        assertNull(first.path("completion_rate"));
    }

    // 7. LearnPack's own path: the student's token and LearnPack's raw blob

    /** What LearnPack's IDE posts (buildSubmitPayload): the whole blob, user_id as text, no wrapper. */
    private static String learnPackBlob(Object userId, String slug, Object academyId, int completion) {
        return """
                {"telemetry_id":"k2j4h5g6f7d8s9a0","user_id":%s,"fullname":"Ana P","slug":"%s","package_id":"77",
                 "version":"CLOUD:5.0.1","cohort_id":null,"academy_id":%s,"agent":"cloud",
                 "tutorial_started_at":1733100000000,"last_interaction_at":1733100900000,
                 "workout_session":[{"started_at":1733100000000}],
                 "steps":[{"slug":"01-hello","position":0,"files":[],"is_testeable":true,"is_completed":false,
                   "compilations":[],"tests":[{"source_code":"cHJpbnQ=","stdout":"","exit_code":1,
                   "started_at":1733100100000,"ended_at":1733100101000}],"ai_interactions":[],"quiz_submissions":[],
                   "sessions":[60000],"telemetry_id":"k2j4h5g6f7d8s9a0",
                   "metrics":{"status":"attempted","time_spent":60000},
                   "indicators":{"engagement_indicator":1.6,"frustration_indicator":3.3}}],
                 "global_metrics":{"completion_rate":%d,"total_steps":1},
                 "global_indicators":{"engagement_indicator":20.5,"frustration_indicator":30},
                 "testeable_elements_of_a_later_version":[{"hash":"h1","type":"quiz"}]}"""
                .formatted(json(userId), slug, json(academyId), completion);
    }

    private static String json(Object value) {
        return value == null ? "null" : value instanceof String text ? "\"" + text + "\"" : value.toString();
    }

    /** LearnPack's request: its token as "Token …", JSON, and no Academy header. */
    private RequestSpecification asLearnPack(Api api, Api.User student) {
        return api.request().header("Authorization", "Token " + student.token()).contentType("application/json");
    }

    private static final String MINE = "/v1/assignment/me/telemetry";

    @Test
    void learnPacksBlobCreatesTheRecordTheAcademyEndpointReadsAndRepeatsUpdateIt() {
        School s = school();
        String asset = asset();
        String blob = learnPackBlob(String.valueOf(s.student().id()), asset, String.valueOf(s.academy()), 0);
        Response created = asLearnPack(s.api(), s.student()).body(blob).post(MINE + "?asset_id=145");
        created.then().statusCode(201)
                .body("user", equalTo((int) s.student().id()))
                .body("asset_slug", equalTo(asset))
                .body("telemetry.telemetry_id", equalTo("k2j4h5g6f7d8s9a0"))
                .body("telemetry.steps[0].tests[0].exit_code", equalTo(1))
                .body("telemetry.testeable_elements_of_a_later_version[0].hash", equalTo("h1"))
                .body("telemetry.asset_id", equalTo("145"))
                .body("completion_rate", equalTo(0.0f))
                .body("engagement_score", equalTo(20.5f))
                .body("frustration_score", equalTo(30.0f))
                .body("total_time", nullValue())
                .body("created_at", matchesPattern(TIMESTAMP));
        int id = created.path("id");
        String updatedAt = created.path("updated_at");

        // the whole blob again, as LearnPack sends after every test, quiz and step: the same record, untouched
        for (int i = 0; i < 3; i++) {
            asLearnPack(s.api(), s.student()).body(blob).post(MINE + "?asset_id=145").then().statusCode(200)
                    .body("id", equalTo(id)).body("updated_at", equalTo(updatedAt));
        }
        asLearnPack(s.api(), s.student())
                .body(learnPackBlob(String.valueOf(s.student().id()), asset, String.valueOf(s.academy()), 100))
                .put(MINE + "?asset_id=145").then().statusCode(200).body("id", equalTo(id))
                .body("completion_rate", equalTo(100.0f));
        s.asStaff().get(s.path(asset)).then().statusCode(200)
                .body("id", equalTo(id))
                .body("telemetry.slug", equalTo(asset))
                .body("telemetry.user_id", equalTo(String.valueOf(s.student().id())))
                .body("completion_rate", equalTo(100.0f));
    }

    @Test
    void everyAssetIdFormLearnPackSendsIsAccepted() {
        School s = school();
        String student = String.valueOf(s.student().id());
        for (String query : List.of("?asset_id=145", "?asset_id=145,146", "?asset_id=145&asset_id=145", "?asset_id=",
                "")) {
            String asset = asset();
            asLearnPack(s.api(), s.student()).body(learnPackBlob(student, asset, null, 10)).post(MINE + query)
                    .then().statusCode(201).body("asset_slug", equalTo(asset));
        }
        String asset = asset();
        asLearnPack(s.api(), s.student()).body(learnPackBlob(s.student().id(), asset, null, 10))
                .post(MINE + "?asset_id=145,146&asset_id=147").then().statusCode(201)
                .body("telemetry.asset_id", equalTo("145,146,147"))
                .body("telemetry.user_id", equalTo((int) s.student().id()));
    }

    @Test
    void putOnAMissingRecordIsTheAcademyEndpoints404() {
        School s = school();
        String asset = asset();
        Response r = asLearnPack(s.api(), s.student())
                .body(learnPackBlob(String.valueOf(s.student().id()), asset, null, 10)).put(MINE + "?asset_id=145");
        r.then().statusCode(404);
        assertEquals(Map.of("detail", "Assignment telemetry not found for asset " + asset + " and user "
                + s.student().id(), "status_code", 404, "slug", "telemetry-not-found"), r.jsonPath().getMap("$"));
    }

    @Test
    void aBlobWithoutSlugOrAboutAnotherUserIsRefused() {
        School s = school();
        asLearnPack(s.api(), s.student()).body("{\"telemetry_id\":\"k2j4h5g6f7d8s9a0\",\"steps\":[]}").post(MINE)
                .then().statusCode(400).body("slug", equalTo(List.of("This field is required.")));
        Response other = asLearnPack(s.api(), s.student())
                .body(learnPackBlob(String.valueOf(s.staff().id()), asset(), null, 10)).post(MINE);
        other.then().statusCode(403).body("detail", equalTo("You (user: " + s.student().id()
                + ") can only upload your own telemetry, not that of user " + s.staff().id()));
        s.api().request().contentType("application/json").body(learnPackBlob(null, asset(), null, 1)).post(MINE)
                .then().statusCode(401);
    }

    @Test
    void itNeedsUploadAssignmentTelemetryInAnAcademyOfTheStudent() {
        Api api = new Api(base);
        long academy = api.newAcademy();
        Api.User staff = api.newUser();
        api.addToAcademy(academy, staff.id(), "staff");
        Api.User nobody = api.newUser();
        for (Api.User user : List.of(staff, nobody)) {
            asLearnPack(api, user).body(learnPackBlob(null, asset(), null, 1)).post(MINE).then().statusCode(403)
                    .body("detail", equalTo("You (user: " + user.id() + ") don't have this capability: "
                            + "upload_assignment_telemetry for any academy of user " + user.id()));
        }
    }

    @Test
    void aStudentOfSeveralAcademiesNamesOneAsAcademyId() {
        School s = school();
        long second = s.api().newAcademy();
        s.api().addToAcademy(second, s.student().id(), "student");
        String student = String.valueOf(s.student().id());
        String asset = asset();
        asLearnPack(s.api(), s.student()).body(learnPackBlob(student, asset, null, 10)).post(MINE)
                .then().statusCode(400).body("slug", equalTo("academy-required"))
                .body("detail", equalTo("User " + student + " records telemetry in academies "
                        + Math.min(s.academy(), second) + ", " + Math.max(s.academy(), second)
                        + ": name one of them as academy_id in the body"));
        asLearnPack(s.api(), s.student()).body(learnPackBlob(student, asset, second, 10)).post(MINE)
                .then().statusCode(201);
        s.api().as(s.api().adminToken()).header("Academy", String.valueOf(second)).get(s.path(asset))
                .then().statusCode(200).body("completion_rate", equalTo(10.0f));
        s.asStaff().get(s.path(asset)).then().statusCode(404).body("slug", equalTo("telemetry-not-found"));
    }

    @Test
    void aStudentOnlyInACohortOfTheAcademyIsItsStudent() {
        School s = school();
        Api.User cohortOnly = s.api().newUser();
        Api.Cohort cohort = s.api().newCohort(s.academy(), null);
        s.api().addToCohort(cohort.slug(), cohortOnly.id(), "STUDENT");
        String asset = asset();
        String user = String.valueOf(cohortOnly.id());

        // LearnPack, with the student's token: the academy is the cohort's
        asLearnPack(s.api(), cohortOnly).body(learnPackBlob(user, asset, null, 50)).post(MINE + "?asset_id=145")
                .then().statusCode(201).body("user", equalTo((int) cohortOnly.id()));
        // the academy's staff read and write it as any other student's
        s.asStaff().get(School.path(asset, user)).then().statusCode(200).body("completion_rate", equalTo(50.0f));
        s.asStaff().body("{\"completion_rate\":60}").post(School.path(asset(), user)).then().statusCode(201);
        s.asStaff().queryParam("user", user).get("/v1/assignment/academy/telemetry").then().statusCode(200)
                .body("results", hasSize(2));
    }
}
