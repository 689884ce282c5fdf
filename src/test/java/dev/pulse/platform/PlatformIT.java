package dev.pulse.platform;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.AtOnce;
import dev.pulse.platform.testing.IntegrationDatabase;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The foundation on the real WAR: migrations, Hibernate round trip, operations endpoints, error envelopes. */
class PlatformIT {

    /** The one Pulse of this test run (the real WAR on Payara Micro, shared by every HTTP-level test). */
    final URL base = PulseServer.baseUrl();

    /** One JSON-looking body of 10 MiB, shared by every large request (it is never changed). */
    private static final byte[] TEN_MEBIBYTES = tenMebibytes();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static byte[] tenMebibytes() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        byte[] open = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, body, 0, open.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    private Api api() {
        return new Api(base);
    }

    @Test
    void flywayMigratedTheRealDatabaseAndHibernateRoundTripsAnAccount() throws Exception {
        Api api = api();
        Api.User user = api.newUser();
        api.as(user.token()).get("/v1/auth/me").then().statusCode(200)
                .body("email", equalTo(user.email()))
                .body("uuid", equalTo(user.uuid()));
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                ResultSet rs = db.createStatement().executeQuery(
                        "select count(*) from flyway_schema_history where success and version = '1'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void readinessIncludesTheDatabaseCheck() {
        api().request().get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'database' }.data.schema_version", equalTo(latestMigration()));
        api().request().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The highest V<n>__ migration shipped, as Flyway records its version. */
    private static String latestMigration() {
        try (var files = Files.list(java.nio.file.Path.of("db", "migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void openApiAndMetricsAreServed() {
        api().request().accept(ContentType.JSON).get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("Pulse"))
                .body("info.version", equalTo("1.0.0"))
                .body("info.description", containsString("BreatheCode"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/auth/login"));
        api().request().get("/metrics").then().statusCode(200);
    }

    @Test
    void everyRequestIsLoggedWithMethodPathStatusAndDuration() throws Exception {
        String path = "/v1/nothing-here-" + UUID.randomUUID();
        api().request().get(path).then().statusCode(404);
        // written by a background thread: give it a moment
        Pattern line = Pattern.compile("GET " + Pattern.quote(path) + " 404 \\d+ms");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean logged = false;
        while (!logged && System.nanoTime() < deadline) {
            logged = line.matcher(Files.readString(PulseServer.logFile(), StandardCharsets.ISO_8859_1)).find();
            if (!logged) {
                Thread.sleep(100);
            }
        }
        assertTrue(logged, "no request log line for " + path + " in " + PulseServer.logFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/nothing-here", "/analytics/nothing-here", "/api/nothing/v1/here", "/live/nothing-here"})
    void anUnknownRouteIsA404InItsFamilysEnvelope(String path) {
        Response r = api().request().get(path);
        assertEquals(404, r.statusCode());
        assertEquals("application/json", r.contentType().split(";")[0]);
        assertFamilyShape(path, r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/probe/echo", "/analytics/probe/echo", "/api/probe/v1/echo", "/live/probe/echo"})
    void malformedJsonIsA400InItsFamilysEnvelope(String path) {
        Response r = api().json().body("{\"name\": \"x\", ").post(path);
        assertEquals(400, r.statusCode(), r.asString());
        assertFamilyShape(path, r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/probe/echo", "/analytics/probe/echo", "/api/probe/v1/echo", "/live/probe/echo"})
    void aWrongMediaTypeIsA415InItsFamilysEnvelope(String path) {
        Response r = api().request().contentType("text/plain").body("name=x").post(path);
        assertEquals(415, r.statusCode(), r.asString());
        assertFamilyShape(path, r);
    }

    @Test
    void aMatchedResourceAnswersInTheFamilyItDeclares() {
        Response r = api().request().get("/v1/probe/declared-live");
        assertEquals(403, r.statusCode(), r.asString());
        assertFamilyShape("/live", r);
        r.then().body("error.message", equalTo("Refused by its declared family"));
    }

    @Test
    void aMissingFieldIsNamedInTheValidationShape() {
        api().json().body(Map.of("count", 3)).post("/v1/probe/echo").then().statusCode(400)
                .body("name", hasItem("This field is required."));
    }

    @Test
    void aBodyCutOffInsideAMemberTheRecordDoesNotHaveIsA400NotAHungRequest() throws Exception {
        // JSON-B passes over unknown members with Parsson's skipObject(), which never returns at the end of input
        for (String path : List.of("/v1/probe/echo", "/analytics/probe/echo", "/api/probe/v1/echo", "/live/probe/echo")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve(path))
                    .timeout(java.time.Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"extra\":{\"a\":1,\"b\":")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), path + " " + r.body());
        }
    }

    @Test
    void aWrongTypeIsNamed() {
        api().json().body("{\"name\":\"x\",\"count\":\"many\"}").post("/v1/probe/echo").then().statusCode(400)
                .body(containsString("count"));
    }

    @Test
    void emailsPasswordsAndTokensNeverReachTheServerLog() throws Exception {
        Api api = api();
        String email = Api.unique("logged") + "@pulse.test";
        String password = Api.unique("pw-never-logged");
        String admin = api.adminToken();
        api.as(admin).body(Map.of("email", email, "password", password)).post("/v1/admin/users").then().statusCode(201);
        api.as(admin).body(Map.of("email", email, "password", password)).post("/v1/admin/users").then()
                .statusCode(anyOf(equalTo(400), equalTo(409)));
        api.json().body(Map.of("email", email, "password", password + "-wrong")).post("/v1/auth/login").then()
                .statusCode(anyOf(equalTo(400), equalTo(401)));
        String token = api.login(email, password);
        String marker = Api.unique("marker");
        api.as(token).get("/v1/activity/user/" + email).then().statusCode(anyOf(equalTo(200), equalTo(403)));
        api.as(token).get("/v1/probe/boom").then().statusCode(500);
        api.as(token).get("/v1/probe/" + marker).then().statusCode(404);

        String log = "";
        for (int i = 0; i < 50 && !log.contains(marker); i++) { // the request log is written in the background
            Thread.sleep(100);
            log = Files.readString(PulseServer.logFile());
        }
        assertTrue(log.contains(marker), "the requests were logged");
        assertTrue(log.contains("/v1/activity/user/{email}"), "a path's email is replaced");
        assertFalse(log.contains(email), "an email is in the server log");
        assertFalse(log.contains(password), "a password is in the server log");
        assertFalse(log.contains(token), "a token is in the server log");
        assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "a token's signature is in the server log");
    }

    @Test
    void anUnexpectedErrorIsA500WithAnErrorIdAndNoStackTrace() {
        Response r = api().request().get("/v1/probe/boom");
        assertEquals(500, r.statusCode());
        String body = r.asString();
        String errorId = r.header("X-Error-Id");
        assertTrue(errorId != null && body.contains(errorId), body);
        assertTrue(!body.contains("IllegalStateException") && !body.contains("line 42") && !body.contains("at dev.pulse"), body);
        r.then().body("status_code", equalTo(500));
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String big = "{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        api().json().body(big).post("/v1/probe/echo").then().statusCode(413)
                .body("slug", equalTo("payload-too-large"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/probe/echo", "/analytics/probe/echo", "/api/probe/v1/echo", "/live/probe/echo"})
    void aBodyJustOverSixtyFourKibibytesIsA413InItsFamilysEnvelopeWhileSixtyFourPass(String path) {
        String padding = "x".repeat(64 * 1024 - "{\"name\":\"\"}".length());
        api().json().body("{\"name\":\"" + padding + "\"}").post(path).then().statusCode(200);
        Response r = api().json().body("{\"name\":\"" + padding + "x\"}").post(path);
        assertEquals(413, r.statusCode(), r.asString());
        assertFamilyShape(path, r);
    }

    @Test
    void aChunkedBodyIsRefusedOnceItCrossesTheLimit() throws Exception {
        // no Content-Length: the limit can only be seen while reading
        HttpRequest chunked = HttpRequest.newBuilder(base.toURI().resolve("/live/user/create"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TEN_MEBIBYTES)))
                .build();
        HttpResponse<String> r = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("Payload Too Large"), r.body());
    }

    @Test
    void sixtyFourConcurrentAnonymousTenMebibyteBodiesAreEachA413AndTheServerStaysReady() throws Exception {
        HttpRequest create = HttpRequest.newBuilder(base.toURI().resolve("/live/user/create"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TEN_MEBIBYTES))
                .build();
        for (HttpResponse<String> r : AtOnce.run(64, i -> HTTP.send(create, HttpResponse.BodyHandlers.ofString()))) {
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"success\":false"), r.body());
        }
        api().request().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    // ------------------------------------------------------------------ token audiences

    private static final String NOT_FOR_THIS_API = "This token is not accepted by this API.";
    private static final List<String> EVERY_FAMILY =
            List.of("pulse:breathecode", "pulse:caliper", "pulse:sunbird", "pulse:live");

    private static io.restassured.path.json.JsonPath claimsOf(String token) {
        return io.restassured.path.json.JsonPath.from(new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** Every family with the token, each in the header form its clients use; Sunbird's through an API client. */
    private void assertFamilies(String token, Api.Client client, boolean breathecode, boolean caliper, boolean sunbird,
            boolean live) {
        Api api = api();
        Response bc = api.as(token).get("/v1/auth/me");
        Response hub = api.request().header("Authorization", token).get("/analytics/events");
        Response sb = api.json().header("Authorization", "Bearer " + client.token()).header("x-authenticated-user-token", token)
                .body(Map.of("request", Map.of("filters", Map.of("userId", claimsOf(token).getString("uuid")))))
                .post("/api/group/v1/list");
        Response lv = api.request().header("X-MenloHacks-Authorization", token).get("/live/mentorship/user/queue");
        assertEquals(breathecode ? 200 : 401, bc.statusCode(), bc.asString());
        // a user token on the Caliper query API: 403 (a client's operation) once accepted, 401 when refused
        assertEquals(caliper ? 403 : 401, hub.statusCode(), hub.asString());
        assertEquals(sunbird ? 200 : 401, sb.statusCode(), sb.asString());
        assertEquals(live ? 200 : 401, lv.statusCode(), lv.asString());
        for (var refused : List.of(Map.entry("/v1", bc), Map.entry("/analytics", hub), Map.entry("/api", sb),
                Map.entry("/live", lv))) {
            if (refused.getValue().statusCode() == 401) {
                assertFamilyShape(refused.getKey(), refused.getValue());
                assertTrue(refused.getValue().asString().contains(NOT_FOR_THIS_API), refused.getValue().asString());
            }
        }
    }

    @Test
    void aLiveSignUpsTokensAreAcceptedOnlyByTheLiveFamily() {
        Api api = api();
        Api.Client client = api.newClient();
        String username = Api.unique("aud");
        String created = api.json().body(Map.of("name", "Aud Test", "username", username, "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        String signedIn = api.json().body(Map.of("username", username, "password", "pw-12345"))
                .post("/live/user/login").then().statusCode(200).extract().path("data.token");
        for (String token : List.of(created, signedIn)) {
            // one audience is written as a string (RFC 7519 allows either form)
            assertEquals("pulse:live", claimsOf(token).getString("aud"));
            assertFamilies(token, client, false, false, false, true);
            // the Live header form does not carry it into another family either
            api.request().header("X-MenloHacks-Authorization", token).get("/v1/auth/me").then().statusCode(401)
                    .body("detail", equalTo(NOT_FOR_THIS_API));
        }
    }

    @Test
    void accountsMadeByAnAdministratorAndApiClientsKeepEveryFamilyWhereverTheySignIn() {
        Api api = api();
        Api.Client client = api.newClient();
        Api.User user = api.newUser();
        assertEquals(EVERY_FAMILY, claimsOf(user.token()).getList("aud"));
        assertFamilies(user.token(), client, true, true, true, true);
        // the same account signing in through Live (its username is its email) keeps every family
        String throughLive = api.json().body(Map.of("username", user.email(), "password", "password-123"))
                .post("/live/user/login").then().statusCode(200).extract().path("data.token");
        assertEquals(EVERY_FAMILY, claimsOf(throughLive).getList("aud"));
        assertFamilies(throughLive, client, true, true, true, true);
        assertEquals(EVERY_FAMILY, claimsOf(client.token()).getList("aud"));
        api.request().header("Authorization", client.token()).get("/analytics/events").then().statusCode(200);
    }

    @Test
    void aTokenWithoutAudienceIsForWhatItsAccountWasMadeFor() throws Exception {
        Api api = api();
        Api.Client client = api.newClient();
        Api.User user = api.newUser();
        String username = Api.unique("legacy");
        String live = api.json().body(Map.of("name", "Legacy", "username", username, "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        // signed as Pulse signed every token before audiences: upn is the email, or a Live account's username
        assertFamilies(withoutAudience(live), client, false, false, false, true);
        assertFamilies(withoutAudience(user.token()), client, true, true, true, true);
    }

    /** The token re-signed with Pulse's own key and every claim but {@code aud}. */
    private static String withoutAudience(String token) throws Exception {
        var keys = dev.pulse.platform.security.JwtKeysForTests.load();
        com.nimbusds.jwt.SignedJWT parsed = com.nimbusds.jwt.SignedJWT.parse(token);
        com.nimbusds.jwt.SignedJWT legacy = new com.nimbusds.jwt.SignedJWT(parsed.getHeader(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder(parsed.getJWTClaimsSet()).audience((List<String>) null)
                        .jwtID(UUID.randomUUID().toString()).build());
        legacy.sign(new com.nimbusds.jose.crypto.RSASSASigner(keys.privateKey()));
        assertEquals(null, claimsOf(legacy.serialize()).getString("aud"));
        return legacy.serialize();
    }

    private static void assertFamilyShape(String path, Response r) {
        if (path.startsWith("/v1")) {
            r.then().body("status_code", equalTo(r.statusCode())).body("detail", notNullValue());
        } else if (path.startsWith("/analytics")) {
            r.then().body("message", notNullValue()).body("message.size()", org.hamcrest.Matchers.greaterThan(0));
        } else if (path.startsWith("/api")) {
            r.then().body("params.status", equalTo("failed")).body("params.err", notNullValue())
                    .body("params.errmsg", notNullValue()).body("responseCode", not(equalTo("OK")));
        } else {
            r.then().body("success", equalTo(false)).body("error.message", notNullValue())
                    .body("error.title", notNullValue());
        }
        org.hamcrest.MatcherAssert.assertThat(r.asString(), not(containsString("<html")));
    }
}
