package dev.pulse.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pulse.platform.security.JwtKeysForTests;
import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.IntegrationDatabase;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** Taking access back: deactivation, password change and reset, role changes, disabled and rotated clients. */
class AccessIT {

    /** How soon a change made on another instance must be seen on this one. */
    private static final Duration EVERY_INSTANCE = Duration.ofSeconds(5);

    private final Api api = new Api(PulseServer.baseUrl());

    /** The status the user's token gets in each family it can be used in (Sunbird: listing their own groups). */
    private Map<String, Integer> familyAnswers(String userToken, String userUuid, Api.Client client) {
        return Map.of(
                "BreatheCode", api.as(userToken).get("/v1/auth/me").statusCode(),
                "Live", api.request().header("X-MenloHacks-Authorization", userToken)
                        .get("/live/mentorship/user/queue").statusCode(),
                "Sunbird", api.json().header("Authorization", "Bearer " + client.token())
                        .header("x-authenticated-user-token", userToken)
                        .body(Map.of("request", Map.of("filters", Map.of("userId", userUuid))))
                        .post("/api/group/v1/list").statusCode());
    }

    @Test
    void aDeactivatedAccountIsRefusedInEveryFamilyAndReactivationNeedsANewSignIn() {
        Api.User user = api.newUser();
        Api.Client client = api.newClient();
        assertEquals(Map.of("BreatheCode", 200, "Live", 200, "Sunbird", 200), familyAnswers(user.token(), user.uuid(), client));

        api.as(api.adminToken()).post("/v1/admin/users/" + user.id() + "/deactivate").then().statusCode(200)
                .body("id", equalTo((int) user.id())).body("active", equalTo(false));
        assertEquals(Map.of("BreatheCode", 401, "Live", 401, "Sunbird", 401), familyAnswers(user.token(), user.uuid(), client));
        api.request().header("X-MenloHacks-Authorization", user.token()).get("/live/mentorship/user/queue")
                .then().body("success", equalTo(false));
        api.json().body(Map.of("email", user.email(), "password", "password-123")).post("/v1/auth/login")
                .then().statusCode(400).body("slug", equalTo("invalid-credentials"));

        api.as(api.adminToken()).post("/v1/admin/users/" + user.id() + "/activate").then().statusCode(200)
                .body("active", equalTo(true));
        assertEquals(401, api.as(user.token()).get("/v1/auth/me").statusCode(), "tokens from before stay void");
        String again = api.login(user.email(), "password-123");
        assertEquals(Map.of("BreatheCode", 200, "Live", 200, "Sunbird", 200), familyAnswers(again, user.uuid(), client));
    }

    @Test
    void onlyAPlatformAdministratorTakesAccessBackAndUnknownIdsAre404() {
        Api.User user = api.newUser();
        Api.User other = api.newUser();
        Api.Client client = api.newClient();
        long academy = api.newAcademy();
        api.addToAcademy(academy, other.id(), "staff");
        String members = "/v1/admin/academies/" + academy + "/members/" + other.id();
        for (Response r : List.of(
                api.as(user.token()).post("/v1/admin/users/" + other.id() + "/deactivate"),
                api.as(user.token()).post("/v1/admin/users/" + other.id() + "/activate"),
                api.as(user.token()).body(Map.of("new_password", "password-456")).post("/v1/admin/users/" + other.id() + "/password"),
                api.as(user.token()).body(Map.of("role", "student")).put(members),
                api.as(user.token()).delete(members),
                api.as(user.token()).post("/v1/admin/clients/" + client.clientId() + "/disable"),
                api.as(user.token()).post("/v1/admin/clients/" + client.clientId() + "/enable"),
                api.as(user.token()).post("/v1/admin/clients/" + client.clientId() + "/rotate-secret"))) {
            r.then().statusCode(403).body("status_code", equalTo(403));
        }
        String admin = api.adminToken();
        api.as(admin).post("/v1/admin/users/999999999/deactivate").then().statusCode(404).body("status_code", equalTo(404));
        api.as(admin).post("/v1/admin/users/999999999/activate").then().statusCode(404);
        api.as(admin).body(Map.of("new_password", "password-456")).post("/v1/admin/users/999999999/password")
                .then().statusCode(404);
        api.as(admin).body(Map.of("role", "student")).put("/v1/admin/academies/999999999/members/" + other.id())
                .then().statusCode(404);
        api.as(admin).delete("/v1/admin/academies/" + academy + "/members/" + user.id()).then().statusCode(404)
                .body("detail", notNullValue());
        for (String action : List.of("disable", "enable", "rotate-secret")) {
            api.as(admin).post("/v1/admin/clients/" + UUID.randomUUID() + "/" + action).then().statusCode(404);
        }
        Long adminId = ((Number) api.as(admin).get("/v1/auth/me").path("id")).longValue();
        api.as(admin).post("/v1/admin/users/" + adminId + "/deactivate").then().statusCode(400)
                .body("slug", equalTo("own-account"));
    }

    @Test
    void changingYourPasswordRevokesEveryEarlierTokenAndTheNewPasswordSignsIn() {
        Api.User user = api.newUser();
        String second = api.login(user.email(), "password-123");
        api.as(user.token()).body(Map.of("current_password", "not-my-password", "new_password", "password-456"))
                .post("/v1/auth/password").then().statusCode(400)
                .body("current_password", hasItem("Wrong password."));
        api.as(user.token()).body(Map.of("current_password", "password-123", "new_password", "short"))
                .post("/v1/auth/password").then().statusCode(400)
                .body("new_password", hasItem("Ensure this field has at least 8 characters."));
        api.as(user.token()).body(Map.of("new_password", "password-456")).post("/v1/auth/password")
                .then().statusCode(400).body("current_password", hasItem("This field is required."));
        api.json().body(Map.of("current_password", "password-123", "new_password", "password-456"))
                .post("/v1/auth/password").then().statusCode(401);
        assertEquals(200, api.as(second).get("/v1/auth/me").statusCode(), "refused changes revoke nothing");

        String fresh = api.as(user.token()).body(Map.of("current_password", "password-123", "new_password", "password-456"))
                .post("/v1/auth/password").then().statusCode(200)
                .body("user_id", equalTo((int) user.id())).body("email", equalTo(user.email()))
                .extract().path("token");
        api.as(user.token()).get("/v1/auth/me").then().statusCode(401);
        api.as(second).get("/v1/auth/me").then().statusCode(401);
        api.as(fresh).get("/v1/auth/me").then().statusCode(200).body("email", equalTo(user.email()));
        api.json().body(Map.of("email", user.email(), "password", "password-123")).post("/v1/auth/login")
                .then().statusCode(400);
        assertEquals(200, api.as(api.login(user.email(), "password-456")).get("/v1/auth/me").statusCode());
    }

    @Test
    void anAdministratorsPasswordResetRevokesEveryTokenOfTheAccount() {
        Api.User user = api.newUser();
        api.as(api.adminToken()).body(Map.of("new_password", "short")).post("/v1/admin/users/" + user.id() + "/password")
                .then().statusCode(400).body("new_password", hasItem("Ensure this field has at least 8 characters."));
        api.as(user.token()).get("/v1/auth/me").then().statusCode(200);
        api.as(api.adminToken()).body(Map.of("new_password", "reset-password-1"))
                .post("/v1/admin/users/" + user.email() + "/password").then().statusCode(204);
        api.as(user.token()).get("/v1/auth/me").then().statusCode(401);
        api.json().body(Map.of("email", user.email(), "password", "password-123")).post("/v1/auth/login")
                .then().statusCode(400);
        assertEquals(200, api.as(api.login(user.email(), "reset-password-1")).get("/v1/auth/me").statusCode());
    }

    @Test
    void changingOrRemovingAnAcademyRoleChangesAccessOnTheNextRequest() {
        long academy = api.newAcademy();
        Api.User member = api.newUser();
        api.addToAcademy(academy, member.id(), "staff");
        String roster = "/v1/auth/academy/member";
        String membership = "/v1/admin/academies/" + academy + "/members/" + member.id();
        api.as(member.token()).header("Academy", String.valueOf(academy)).get(roster).then().statusCode(200);

        api.as(api.adminToken()).body(Map.of("role", "student")).put(membership).then().statusCode(200)
                .body("role", equalTo("student")).body("user_id", equalTo((int) member.id()))
                .body("academy_id", equalTo((int) academy));
        api.as(member.token()).header("Academy", String.valueOf(academy)).get(roster).then().statusCode(403);
        api.as(api.adminToken()).body(Map.of("role", "wizard")).put(membership).then().statusCode(400)
                .body("role", notNullValue());
        api.as(api.adminToken()).body(Map.of("role", "staff")).put(membership).then().statusCode(200);
        api.as(member.token()).header("Academy", String.valueOf(academy)).get(roster).then().statusCode(200);

        api.as(api.adminToken()).delete(membership).then().statusCode(204);
        api.as(member.token()).header("Academy", String.valueOf(academy)).get(roster).then().statusCode(403);
        api.as(member.token()).get("/v1/auth/me").then().statusCode(200).body("academies", equalTo(List.of()));
        api.as(api.adminToken()).delete(membership).then().statusCode(404);
        api.as(api.adminToken()).body(Map.of("role", "staff")).put(membership).then().statusCode(404);
    }

    @Test
    void aDisabledClientIsRefusedAndANewSecretVoidsTheOldSecretAndItsTokens() {
        Api.Client client = api.newClient();
        Api.User user = api.newUser();
        String admin = api.adminToken();
        String events = "/analytics/events";
        api.request().header("Authorization", client.token()).get(events).then().statusCode(200);

        api.as(admin).post("/v1/admin/clients/" + client.clientId() + "/disable").then().statusCode(200)
                .body("client_id", equalTo(client.clientId())).body("active", equalTo(false));
        api.request().header("Authorization", client.token()).get(events).then().statusCode(401);
        assertEquals(401, familyAnswers(user.token(), user.uuid(), client).get("Sunbird"), "a Sunbird pair with a disabled client");
        assertEquals(401, grant(client.clientId(), client.secret()).statusCode());

        api.as(admin).post("/v1/admin/clients/" + client.clientId() + "/enable").then().statusCode(200)
                .body("active", equalTo(true));
        api.request().header("Authorization", client.token()).get(events).then().statusCode(401);
        String afterEnable = grant(client.clientId(), client.secret()).then().statusCode(200)
                .extract().path("access_token");
        api.request().header("Authorization", afterEnable).get(events).then().statusCode(200);

        Response rotated = api.as(admin).post("/v1/admin/clients/" + client.clientId() + "/rotate-secret");
        rotated.then().statusCode(200).body("client_id", equalTo(client.clientId()))
                .body("edapp", equalTo(client.edapp())).body("client_secret", notNullValue());
        String secret = rotated.path("client_secret");
        assertNotEquals(client.secret(), secret);
        api.request().header("Authorization", afterEnable).get(events).then().statusCode(401);
        assertEquals(401, grant(client.clientId(), client.secret()).statusCode());
        String afterRotation = grant(client.clientId(), secret).then().statusCode(200).extract().path("access_token");
        api.request().header("Authorization", afterRotation).get(events).then().statusCode(200);
    }

    private Response grant(String clientId, String secret) {
        return api.request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/analytics/token");
    }

    @Test
    void aRevocationWrittenByAnotherInstanceIsSeenHereWithinFiveSeconds() throws Exception {
        Api.User user = api.newUser();
        Api.Client client = api.newClient();
        api.as(user.token()).get("/v1/auth/me").then().statusCode(200);
        api.request().header("Authorization", client.token()).get("/analytics/events").then().statusCode(200);
        // another instance's writes: the rows change, and this instance receives no notice
        sql("update account set token_version = token_version + 1 where id = ?", user.id());
        sql("update api_client set active = false where client_id = ?", client.clientId());
        long written = System.nanoTime();
        Duration userRefused = timeUntil(written, () -> api.as(user.token()).get("/v1/auth/me").statusCode(), 401);
        Duration clientRefused = timeUntil(written, () -> api.request().header("Authorization", client.token())
                .get("/analytics/events").statusCode(), 401);
        assertTrue(userRefused.compareTo(EVERY_INSTANCE) <= 0, "user token refused from " + userRefused);
        assertTrue(clientRefused.compareTo(EVERY_INSTANCE) <= 0, "client token refused from " + clientRefused);
    }

    @Test
    void aTokenWithoutAVersionClaimIsVersionZeroUntilTheFirstRevocation() throws Exception {
        Api.User user = api.newUser();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer("pulse").subject(user.uuid()).claim("upn", user.email())
                        .claim("account_id", user.id()).claim("uuid", user.uuid()).claim("kind", "user")
                        .claim("groups", List.of("user")).jwtID(UUID.randomUUID().toString())
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(JwtKeysForTests.load().privateKey()));
        String older = jwt.serialize();
        api.as(older).get("/v1/auth/me").then().statusCode(200);
        api.as(api.adminToken()).body(Map.of("new_password", "reset-password-2"))
                .post("/v1/admin/users/" + user.id() + "/password").then().statusCode(204);
        api.as(older).get("/v1/auth/me").then().statusCode(401);
    }

    /**
     * How long after {@code since} the first request that answers the status was sent (its start, so the
     * time the server takes to answer under load does not count), polling every 100 ms for at most twice
     * the bound.
     */
    private static Duration timeUntil(long since, IntSupplier request, int status) throws InterruptedException {
        while (true) {
            long sent = System.nanoTime();
            if (request.getAsInt() == status || sent - since > EVERY_INSTANCE.multipliedBy(2).toNanos()) {
                return Duration.ofNanos(sent - since);
            }
            Thread.sleep(100);
        }
    }

    private static void sql(String update, Object key) throws Exception {
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = db.prepareStatement(update)) {
            s.setObject(1, key);
            assertEquals(1, s.executeUpdate());
        }
    }
}
