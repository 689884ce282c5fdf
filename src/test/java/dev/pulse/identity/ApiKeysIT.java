package dev.pulse.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.IntegrationDatabase;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Long-lived API keys, used as the real clients use their "authorization key": sunbird-client-services
 * sends {@code Authorization: Bearer <key>} with {@code x-authenticated-user-token} and {@code X-Request-ID};
 * the Sunbird sample shows the bare {@code Authorization: <key>}; Caliper sensors send the key bare or as a
 * bearer token.
 */
class ApiKeysIT {

    private static final Duration EVERY_INSTANCE = Duration.ofSeconds(5);

    private final Api api = new Api(PulseServer.baseUrl());

    private Response issue(String clientId) {
        return api.as(api.adminToken()).post("/v1/admin/clients/" + clientId + "/keys");
    }

    private String keyOf(Api.Client client) {
        return issue(client.clientId()).then().statusCode(201).extract().path("key");
    }

    /** What sunbird-client-services sends: the key as a bearer token, the user's token, a request id. */
    private RequestSpecification sunbird(String authorization, Api.User user, String requestId) {
        return api.json().header("Authorization", authorization).header("x-authenticated-user-token", user.token())
                .header("X-Request-ID", requestId).header("X-Channel-Id", "pulse-test").header("X-App-Id", "portal");
    }

    private int listOwnGroups(String authorization, Api.User user) {
        return sunbird(authorization, user, UUID.randomUUID().toString())
                .body(Map.of("request", Map.of("filters", Map.of("userId", user.uuid()))))
                .post("/api/group/v1/list").statusCode();
    }

    private int caliperEvents(String authorization) {
        return api.request().header("Authorization", authorization).get("/analytics/events").statusCode();
    }

    @Test
    void anAdministratorIssuesAKeyShownOnceWhoseSecretIsStoredOnlyAsItsDigest() throws Exception {
        Api.Client client = api.newClient();
        Response issued = issue(client.clientId());
        issued.then().statusCode(201).body("client_id", equalTo(client.clientId()))
                .body("key_id", matchesPattern("[0-9a-f]{24}")).body("created_at", notNullValue())
                .body("key", matchesPattern("pulse_[0-9a-f]{24}\\.[A-Za-z0-9_-]{43}"));
        String keyId = issued.path("key_id");
        String key = issued.path("key");
        assertTrue(key.startsWith("pulse_" + keyId + "."));
        String secret = key.substring(key.indexOf('.') + 1);
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                PreparedStatement q = db.prepareStatement("select * from api_key where key_id = ?")) {
            q.setString(1, keyId);
            ResultSet row = q.executeQuery();
            assertTrue(row.next());
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)),
                    row.getBytes("secret_sha256"));
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                String value = row.getString(i);
                assertFalse(value != null && value.contains(secret), "the secret in clear in " + row.getMetaData().getColumnName(i));
            }
        }
        // a second key is another key; both work
        String second = keyOf(client);
        assertEquals(200, caliperEvents(key));
        assertEquals(200, caliperEvents(second));
    }

    @Test
    void onlyAPlatformAdministratorIssuesOrRevokesKeysAndUnknownClientsOrKeysAre404() {
        Api.Client client = api.newClient();
        Api.User user = api.newUser();
        api.as(user.token()).post("/v1/admin/clients/" + client.clientId() + "/keys").then().statusCode(403);
        api.json().post("/v1/admin/clients/" + client.clientId() + "/keys").then().statusCode(401);
        issue(UUID.randomUUID().toString()).then().statusCode(404).body("slug", equalTo("client-not-found"));
        String keyId = issue(client.clientId()).then().statusCode(201).extract().path("key_id");
        api.as(user.token()).delete("/v1/admin/clients/" + client.clientId() + "/keys/" + keyId).then().statusCode(403);
        api.as(api.adminToken()).delete("/v1/admin/clients/" + client.clientId() + "/keys/0123456789abcdef01234567")
                .then().statusCode(404).body("slug", equalTo("api-key-not-found"));
        // a key is revoked only through its own client
        api.as(api.adminToken()).delete("/v1/admin/clients/" + api.newClient().clientId() + "/keys/" + keyId)
                .then().statusCode(404);
        api.as(api.adminToken()).delete("/v1/admin/clients/" + client.clientId() + "/keys/" + keyId).then().statusCode(204);
        api.as(api.adminToken()).delete("/v1/admin/clients/" + client.clientId() + "/keys/" + keyId).then().statusCode(404);
    }

    @Test
    void theSunbirdClientCallsTheGroupApiWithTheKeyAsBearerOrBareAndTheUsersToken() {
        Api.Client client = api.newClient();
        Api.User user = api.newUser();
        String key = keyOf(client);
        String requestId = UUID.randomUUID().toString();
        String groupId = sunbird("Bearer " + key, user, requestId)
                .body(Map.of("request", Map.of("name", "Keyed group", "activities",
                        List.of(Map.of("id", "do_1", "type", "Course")))))
                .post("/api/group/v1/create").then().statusCode(200)
                .body("id", equalTo("api.group.create")).body("params.status", equalTo("success"))
                .body("params.msgid", equalTo(requestId)).body("responseCode", equalTo("OK"))
                .extract().path("result.groupId");
        sunbird(key, user, requestId).get("/api/group/v1/read/" + groupId).then().statusCode(200)
                .body("result.createdBy", equalTo(user.uuid()));
        sunbird("Bearer " + key, user, requestId)
                .body(Map.of("request", Map.of("groupId", groupId, "activityId", "do_1", "activityType", "Course")))
                .post("/api/data/v1/group/activity/agg").then().statusCode(200);
        // the key is the client's half of the pair: alone it is no user, as the client's token alone is not
        for (String alone : List.of(key, client.token())) {
            api.json().header("Authorization", "Bearer " + alone)
                    .body(Map.of("request", Map.of("filters", Map.of("userId", user.uuid()))))
                    .post("/api/group/v1/list").then().statusCode(403).body("id", equalTo("api.group.list"))
                    .body("params.err", equalTo("USER_TOKEN_REQUIRED"));
        }
    }

    @Test
    void aCaliperSensorSendsTheKeyBareOrAsABearerToken() {
        long academy = api.newAcademy();
        Api.User learner = api.newUser();
        api.addToAcademy(academy, learner.id(), "student");
        Response registered = api.as(api.adminToken()).body(Map.of("name", Api.unique("sensor"), "academy_id", academy))
                .post("/v1/admin/clients");
        String clientId = registered.path("client_id");
        String edApp = registered.path("edapp");
        String key = keyOf(new Api.Client(clientId, null, edApp, null));
        for (String authorization : List.of(key, "Bearer " + key)) {
            String time = "2024-03-01T10:00:00Z";
            Map<String, Object> object = new HashMap<>(Map.of("type", "Attempt",
                    "assignee", Map.of("id", "urn:uuid:" + learner.uuid(), "type", "Person"),
                    "assignable", Map.of("id", "do_keyed", "type", "Activity", "skillCode", "EF15LP01",
                            "isPartOf", Map.of("id", "LP", "name", "Portuguese", "type", "Subject")),
                    "dateCreated", time, "startedAtTime", time, "endedAtTime", time, "totalTime", 300,
                    "percentReading", 50));
            api.request().contentType("application/json").header("Authorization", authorization)
                    .body(Map.of("@context", "http://purl.imsglobal.org/ctx/caliper/v1p2",
                            "id", "urn:uuid:" + UUID.randomUUID(), "type", "GradeEvent", "profile", "GradingProfile",
                            "action", "Graded",
                            "actor", Map.of("type", "SoftwareApplication", "host", "https://reader.example.org"),
                            "object", object, "edApp", edApp,
                            "generated", Map.of("type", "Score", "maxScore", 10, "scoreGiven", 8.5)))
                    .post("/analytics/grade2").then().statusCode(200);
            assertEquals(200, caliperEvents(authorization));
        }
    }

    @Test
    void aKeyWithAnotherSecretOrNoKeyAtAllIsRefusedLikeABadToken() {
        String key = keyOf(api.newClient());
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        String answer = api.request().header("Authorization", tampered).get("/analytics/events")
                .then().statusCode(401).extract().asString();
        assertEquals(api.request().header("Authorization", "garbage").get("/analytics/events").asString(), answer);
        assertEquals(401, caliperEvents("pulse_0123456789abcdef01234567." + "A".repeat(43)));
        assertEquals(401, caliperEvents("pulse_short"));
        assertEquals(200, caliperEvents(key));
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestInEveryFamily() {
        Api.Client client = api.newClient();
        Api.User user = api.newUser();
        Response issued = issue(client.clientId());
        String key = issued.path("key");
        String other = keyOf(client);
        assertEquals(200, listOwnGroups("Bearer " + key, user));
        assertEquals(200, caliperEvents(key));
        api.as(api.adminToken()).delete("/v1/admin/clients/" + client.clientId() + "/keys/" + issued.path("key_id"))
                .then().statusCode(204);
        assertEquals(401, listOwnGroups("Bearer " + key, user));
        assertEquals(401, caliperEvents(key));
        assertEquals(401, caliperEvents("Bearer " + key));
        // the client's other key and its token are untouched
        assertEquals(200, caliperEvents(other));
        assertEquals(200, caliperEvents(client.token()));
    }

    @Test
    void aDisabledClientsKeysStopWorkingAndStayVoidWhenItIsEnabledAgainAsItsTokensDo() {
        Api.Client client = api.newClient();
        Api.User user = api.newUser();
        String key = keyOf(client);
        String admin = api.adminToken();
        api.as(admin).post("/v1/admin/clients/" + client.clientId() + "/disable").then().statusCode(200);
        assertEquals(401, caliperEvents(key));
        assertEquals(401, listOwnGroups("Bearer " + key, user));
        api.as(admin).post("/v1/admin/clients/" + client.clientId() + "/enable").then().statusCode(200);
        assertEquals(401, caliperEvents(key));
        String afterEnable = keyOf(client);
        assertEquals(200, caliperEvents(afterEnable));
        api.as(admin).post("/v1/admin/clients/" + client.clientId() + "/rotate-secret").then().statusCode(200);
        assertEquals(401, caliperEvents(afterEnable));
        assertEquals(200, caliperEvents(keyOf(client)));
    }

    @Test
    void aKeyRevokedOnAnotherInstanceIsRefusedHereWithinFiveSeconds() throws Exception {
        Api.Client client = api.newClient();
        Response issued = issue(client.clientId());
        String key = issued.path("key");
        assertEquals(200, caliperEvents(key));
        // another instance's revocation: the row goes, and this instance receives no notice
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                PreparedStatement delete = db.prepareStatement("delete from api_key where key_id = ?")) {
            delete.setString(1, issued.path("key_id"));
            assertEquals(1, delete.executeUpdate());
        }
        long written = System.nanoTime();
        while (true) {
            long sent = System.nanoTime();
            if (caliperEvents(key) == 401) {
                Duration refused = Duration.ofNanos(sent - written);
                assertTrue(refused.compareTo(EVERY_INSTANCE) <= 0, "refused from " + refused);
                return;
            }
            assertTrue(sent - written < EVERY_INSTANCE.multipliedBy(2).toNanos(), "still accepted after 10 s");
            Thread.sleep(100);
        }
    }
}
