package dev.pulse.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.IntegrationDatabase;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Identity on the real WAR: accounts, roles, tokens in every header form, capability checks, throttling. */
class IdentityIT {

    /** The one Pulse of this test run (the real WAR on Payara Micro, shared by every HTTP-level test). */
    final URL base = PulseServer.baseUrl();

    private Api api() {
        return new Api(base);
    }

    @Test
    void theBootstrapAdministratorSignsInAndSeesThemself() {
        Api api = api();
        api.json().body(Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD)).post("/v1/auth/login")
                .then().statusCode(200)
                .body("token", notNullValue()).body("email", equalTo(Api.ADMIN_EMAIL))
                .body("user_id", notNullValue()).body("expires_at", notNullValue());
        api.as(api.adminToken()).get("/v1/auth/me").then().statusCode(200).body("is_platform_admin", equalTo(true));
    }

    @Test
    void wrongCredentialsAreA400WithTheInvalidCredentialsSlug() {
        api().json().body(Map.of("email", Api.ADMIN_EMAIL, "password", "nope")).post("/v1/auth/login")
                .then().statusCode(400).body("slug", equalTo("invalid-credentials")).body("status_code", equalTo(400));
        api().json().body(Map.of("email", "nobody@pulse.test", "password", "nope")).post("/v1/auth/login")
                .then().statusCode(400).body("slug", equalTo("invalid-credentials"));
    }

    @Test
    void aNullCharacterInAnyTextFieldIs400NamingTheField() {
        api().json().body(Map.of("email", "a\u0000b@pulse.test", "password", "secret-123")).post("/v1/auth/login")
                .then().statusCode(400).body("email", hasItem("Null characters are not allowed."));
        Api api = api();
        api.as(api.adminToken()).body(Map.of("email", Api.unique("nul") + "@pulse.test", "password", "password-123",
                        "first_name", "A\u0000", "last_name", "B")).post("/v1/admin/users")
                .then().statusCode(400).body("first_name", hasItem("Null characters are not allowed."));
    }

    @Test
    void missingLoginFieldsAreNamed() {
        api().json().body(Map.of("email", "a@b.c")).post("/v1/auth/login")
                .then().statusCode(400).body("password", hasItem("This field is required."));
    }

    @Test
    void creatingAUserReturnsItsPublicFieldsAndNeverThePassword() {
        Api api = api();
        String email = Api.unique("new") + "@pulse.test";
        api.as(api.adminToken()).body(Map.of("email", email, "password", "password-123", "first_name", "Grace",
                        "last_name", "Hopper", "username", Api.unique("grace")))
                .post("/v1/admin/users").then().statusCode(201)
                .body("id", notNullValue()).body("uuid", notNullValue()).body("email", equalTo(email))
                .body("first_name", equalTo("Grace")).body("last_name", equalTo("Hopper"))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
    }

    @Test
    void aDuplicateEmailOrUsernameIsA400NamingTheField() {
        Api api = api();
        String username = Api.unique("dup");
        String email = username + "@pulse.test";
        Map<String, String> body = Map.of("email", email, "password", "password-123", "first_name", "A",
                "last_name", "B", "username", username);
        api.as(api.adminToken()).body(body).post("/v1/admin/users").then().statusCode(201);
        api.as(api.adminToken()).body(Map.of("email", email.toUpperCase(), "password", "password-123",
                        "first_name", "A", "last_name", "B"))
                .post("/v1/admin/users").then().statusCode(400).body("email", notNullValue());
        api.as(api.adminToken()).body(Map.of("email", Api.unique("other") + "@pulse.test", "password", "password-123",
                        "first_name", "A", "last_name", "B", "username", username))
                .post("/v1/admin/users").then().statusCode(400).body("username", notNullValue());
    }

    @Test
    void namesLongerThanTheirColumnsAre400sNamingEachField() {
        Api api = api();
        String tooLongName = "x".repeat(151);
        api.as(api.adminToken()).body(Map.of("email", "x".repeat(250) + "@pulse.test", "password", "password-123",
                        "first_name", tooLongName, "last_name", tooLongName, "username", tooLongName))
                .post("/v1/admin/users").then().statusCode(400)
                .body("email", notNullValue()).body("first_name", hasItem(containsString("150")))
                .body("last_name", notNullValue()).body("username", notNullValue());
    }

    @Test
    void adminEndpointsAre401WithoutATokenAnd403ForANonAdmin() {
        Api api = api();
        api.json().get("/v1/admin/roles").then().statusCode(401).body("status_code", equalTo(401));
        Api.User user = api.newUser();
        api.as(user.token()).get("/v1/admin/roles").then().statusCode(403).body("status_code", equalTo(403));
        api.as(user.token()).body(Map.of("slug", "x", "name", "y")).post("/v1/admin/academies").then().statusCode(403);
    }

    @Test
    void theRoleCatalogueHasTheBreatheCodeRoles() {
        Api api = api();
        Response roles = api.as(api.adminToken()).get("/v1/admin/roles");
        roles.then().statusCode(200)
                .body("slug", hasItems("student", "teacher", "assistant", "staff", "academy_coordinator", "admin"));
        List<List<String>> withBoth = roles.path("findAll { it.capabilities.contains('crud_telemetry') && it.capabilities.contains('read_activity') }.capabilities");
        assertFalse(withBoth.isEmpty());
        List<String> student = roles.path("find { it.slug == 'student' }.capabilities");
        assertFalse(student.contains("crud_telemetry"));
        assertFalse(student.contains("read_activity"));
    }

    @Test
    void anUnknownRoleSlugIsA400() {
        Api api = api();
        long academy = api.newAcademy();
        Api.User user = api.newUser();
        api.as(api.adminToken()).body(Map.of("user_id", String.valueOf(user.id()), "role", "wizard"))
                .post("/v1/admin/academies/" + academy + "/members").then().statusCode(400).body("role", notNullValue());
    }

    @Test
    void cohortsAndCohortMembersAreCreatedAndShownInMe() {
        Api api = api();
        long academy = api.newAcademy();
        Api.Cohort cohort = api.newCohort(academy, 3);
        Api.User user = api.newUser();
        api.addToAcademy(academy, user.id(), "student");
        api.addToCohort(cohort.slug(), user.id(), "STUDENT");
        api.as(user.token()).get("/v1/auth/me").then().statusCode(200)
                .body("academies[0].id", equalTo((int) academy))
                .body("academies[0].role", equalTo("student"))
                .body("cohorts[0].slug", equalTo(cohort.slug()))
                .body("cohorts[0].role", equalTo("STUDENT"));
        api.as(api.adminToken()).body(Map.of("user_id", user.email(), "role", "PRINCIPAL"))
                .post("/v1/admin/cohorts/" + cohort.id() + "/users").then().statusCode(400).body("role", notNullValue());
    }

    @Test
    void aRoleChangeTakesEffectOnTheVeryNextRequest() {
        Api api = api();
        long academy = api.newAcademy();
        Api.User member = api.newUser();
        api.addToAcademy(academy, member.id(), "staff");
        String members = "/v1/auth/academy/member";
        api.as(member.token()).header("Academy", String.valueOf(academy)).get(members).then().statusCode(200);
        api.as(member.token()).get("/v1/auth/me").then().statusCode(200).body("academies[0].role", equalTo("staff"));

        api.addToAcademy(academy, member.id(), "student");
        api.as(member.token()).header("Academy", String.valueOf(academy)).get(members).then().statusCode(403)
                .body("detail", equalTo("You (user: " + member.id() + ") don't have this capability: read_member for academy "
                        + academy));
        api.as(member.token()).get("/v1/auth/me").then().statusCode(200)
                .body("academies[0].role", equalTo("student"))
                .body("academies[0].capabilities", not(hasItem("read_member")));

        api.addToAcademy(academy, member.id(), "staff");
        api.as(member.token()).header("Academy", String.valueOf(academy)).get(members).then().statusCode(200);
    }

    @Test
    void academyStaffListTheAcademysCohortsAndTheMembersOfOne() {
        Api api = api();
        long academy = api.newAcademy();
        Api.Cohort web = api.newCohort(academy, 4);
        Api.Cohort data = api.newCohort(academy, null);
        Api.Cohort elsewhere = api.newCohort(api.newAcademy(), null);
        Api.User coordinator = api.newUser();
        api.addToAcademy(academy, coordinator.id(), "academy_coordinator");
        Api.User student = api.newUser();
        Api.User teacher = api.newUser();
        api.addToCohort(web.slug(), student.id(), "STUDENT");
        api.addToCohort(web.slug(), teacher.id(), "TEACHER");
        String here = String.valueOf(academy);

        api.as(coordinator.token()).header("Academy", here).get("/v1/auth/academy/cohort").then().statusCode(200)
                .body("slug", equalTo(Stream.of(web.slug(), data.slug()).sorted().toList()))
                .body("find { it.slug == '" + web.slug() + "' }.current_day", equalTo(4))
                .body("find { it.slug == '" + web.slug() + "' }.id", equalTo((int) web.id()))
                .body("find { it.slug == '" + data.slug() + "' }", not(hasKey("current_day")));
        for (String cohort : List.of(web.slug(), String.valueOf(web.id()))) {
            api.as(coordinator.token()).header("Academy", here).get("/v1/auth/academy/cohort/" + cohort + "/user")
                    .then().statusCode(200)
                    .body("user_id", equalTo(List.of((int) student.id(), (int) teacher.id())))
                    .body("role", equalTo(List.of("STUDENT", "TEACHER")))
                    .body("email", equalTo(List.of(student.email(), teacher.email())))
                    .body("first_name", everyItem(equalTo("Ada")));
        }
        // another academy's cohort is not found here, as one that does not exist
        for (String cohort : List.of(elsewhere.slug(), "no-such-cohort")) {
            api.as(coordinator.token()).header("Academy", here).get("/v1/auth/academy/cohort/" + cohort + "/user")
                    .then().statusCode(404).body("slug", equalTo("cohort-not-found"));
        }
        api.as(api.newUser().token()).header("Academy", here).get("/v1/auth/academy/cohort").then().statusCode(403);
        // a student (through the cohort) sees the cohorts, as in BreatheCode, but not who is in them
        api.as(student.token()).header("Academy", here).get("/v1/auth/academy/cohort").then().statusCode(200);
        api.as(student.token()).header("Academy", here).get("/v1/auth/academy/cohort/" + web.slug() + "/user")
                .then().statusCode(403)
                .body("detail", equalTo("You (user: " + student.id() + ") don't have this capability: read_member for academy "
                        + academy));
        api.as(coordinator.token()).get("/v1/auth/academy/cohort").then().statusCode(403)
                .body("detail", equalTo("Missing academy_id parameter expected for the endpoint url or 'Academy' header"));
    }

    @Test
    void joiningACohortOrAnAcademyShowsInMeOnTheVeryNextRequest() {
        Api api = api();
        long academy = api.newAcademy();
        Api.Cohort cohort = api.newCohort(academy, null);
        Api.User user = api.newUser();
        api.as(user.token()).get("/v1/auth/me").then().statusCode(200)
                .body("academies", equalTo(List.of())).body("cohorts", equalTo(List.of()));
        api.addToAcademy(academy, user.id(), "student");
        api.as(user.token()).get("/v1/auth/me").then().statusCode(200)
                .body("academies[0].id", equalTo((int) academy)).body("cohorts", equalTo(List.of()));
        api.addToCohort(cohort.slug(), user.id(), "STUDENT");
        api.as(user.token()).get("/v1/auth/me").then().statusCode(200)
                .body("cohorts[0].slug", equalTo(cohort.slug())).body("cohorts[0].role", equalTo("STUDENT"));
    }

    @Test
    void aCohortOnlyMemberIsAStudentOfTheCohortsAcademyForEveryCheck() {
        Api api = api();
        long academy = api.newAcademy();
        Api.Cohort cohort = api.newCohort(academy, null);
        Api.Cohort sameAcademy = api.newCohort(academy, null);
        Api.User student = api.newUser();
        api.addToCohort(cohort.slug(), student.id(), "STUDENT");
        api.addToCohort(sameAcademy.slug(), student.id(), "STUDENT");
        api.as(student.token()).get("/v1/auth/me").then().statusCode(200)
                .body("academies.id", equalTo(List.of((int) academy)))
                .body("academies[0].role", equalTo("student"))
                .body("academies[0].capabilities", hasItems("upload_assignment_telemetry", "crud_activity"));

        // a cohort's teacher without an academy role is a member too, with the student role's capabilities only
        Api.User cohortTeacher = api.newUser();
        api.addToCohort(cohort.slug(), cohortTeacher.id(), "TEACHER");
        api.as(cohortTeacher.token()).get("/v1/auth/me").then().statusCode(200)
                .body("academies[0].role", equalTo("student"))
                .body("academies[0].capabilities", not(hasItem("classroom_activity")));
        // an academy role there wins over the cohort
        Api.User staff = api.newUser();
        api.addToAcademy(academy, staff.id(), "staff");
        api.addToCohort(cohort.slug(), staff.id(), "ASSISTANT");
        api.as(staff.token()).get("/v1/auth/me").then().statusCode(200)
                .body("academies.role", equalTo(List.of("staff")));

        // activity: the academy's teacher records and reads the cohort-only student's activity
        Api.User teacher = api.newUser();
        api.addToAcademy(academy, teacher.id(), "teacher");
        String path = "/v1/activity/user/" + student.id();
        api.as(teacher.token()).header("Academy", String.valueOf(academy))
                .body(Map.of("slug", "classroom_attendance", "user_agent", "bc/attendance", "cohort", cohort.slug()))
                .post(path).then().statusCode(201).body("cohort", equalTo(cohort.slug()));
        api.as(teacher.token()).header("Academy", String.valueOf(academy)).get(path).then().statusCode(200);
        // a teacher of another academy still is not theirs
        long elsewhere = api.newAcademy();
        Api.User foreignTeacher = api.newUser();
        api.addToAcademy(elsewhere, foreignTeacher.id(), "teacher");
        api.as(foreignTeacher.token()).header("Academy", String.valueOf(elsewhere)).get(path).then().statusCode(403)
                .body("detail", equalTo("User " + student.id() + " does not belong to academy " + elsewhere));
    }

    @Test
    void everyHeaderFormAuthenticates() {
        Api api = api();
        Api.User user = api.newUser();
        Api.Client client = api.newClient();
        for (String header : List.of("Bearer " + user.token(), "Token " + user.token(), user.token())) {
            api.request().header("Authorization", header).get("/v1/auth/me").then().statusCode(200)
                    .body("email", equalTo(user.email()));
        }
        api.request().header("X-MenloHacks-Authorization", user.token()).get("/v1/auth/me").then().statusCode(200)
                .body("email", equalTo(user.email()));
        api.request().header("Authorization", "Bearer " + client.token())
                .header("x-authenticated-user-token", user.token())
                .get("/v1/auth/me").then().statusCode(200).body("email", equalTo(user.email()));
        // Sunbird's pair needs a valid client token too
        api.request().header("Authorization", "Bearer " + user.token())
                .header("x-authenticated-user-token", user.token())
                .get("/v1/auth/me").then().statusCode(401);
        api.request().header("Authorization", "Bearer garbage")
                .header("x-authenticated-user-token", user.token())
                .get("/v1/auth/me").then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var foreign = generator.generateKeyPair();
        Api.User user = api().newUser();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer("pulse").subject(user.uuid()).claim("upn", user.email())
                        .claim("account_id", user.id()).claim("uuid", user.uuid()).claim("kind", "user")
                        .claim("groups", List.of("user", "platform_admin")).jwtID("x")
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
        jwt.sign(new RSASSASigner(foreign.getPrivate()));
        api().request().header("Authorization", "Bearer " + jwt.serialize()).get("/v1/auth/me")
                .then().statusCode(401).body("status_code", equalTo(401));
    }

    @Test
    void aTokenWhosePayloadWasEditedIsRejected() {
        Api.User user = api().newUser();
        String[] parts = user.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"user\"]", "\"groups\":[\"user\",\"platform_admin\"]");
        assertTrue(payload.contains("platform_admin"), payload);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        api().request().header("Authorization", "Bearer " + forged).get("/v1/admin/roles").then().statusCode(401);
        api().request().header("X-MenloHacks-Authorization", forged).get("/v1/auth/me").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        // signed with Pulse's own key (the integration run's data directory), but already expired
        var keys = dev.pulse.platform.security.JwtKeysForTests.load();
        Api.User user = api().newUser();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer("pulse").subject(user.uuid()).claim("upn", user.email())
                        .claim("account_id", user.id()).claim("uuid", user.uuid()).claim("kind", "user")
                        .claim("groups", List.of("user")).jwtID("expired")
                        .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
        jwt.sign(new RSASSASigner(keys.privateKey()));
        api().request().header("Authorization", "Token " + jwt.serialize()).get("/v1/auth/me").then().statusCode(401);
        // the same key with a valid expiry is accepted: the rejection above is the expiry
        SignedJWT fresh = new SignedJWT(jwt.getHeader(), new JWTClaimsSet.Builder(jwt.getJWTClaimsSet())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        fresh.sign(new RSASSASigner(keys.privateKey()));
        api().request().header("Authorization", "Token " + fresh.serialize()).get("/v1/auth/me").then().statusCode(200);
    }

    @Test
    void capabilityChecksAnswerWithBreatheCodesExactTexts() {
        Api api = api();
        long academy = api.newAcademy();
        Api.User student = api.newUser();
        api.addToAcademy(academy, student.id(), "student");
        String telemetry = "/v1/auth/academy/member";
        api.as(student.token()).get(telemetry).then().statusCode(403)
                .body("detail", equalTo("Missing academy_id parameter expected for the endpoint url or 'Academy' header"))
                .body("status_code", equalTo(403))
                .body("$", not(org.hamcrest.Matchers.hasKey("slug")));
        api.as(student.token()).header("Academy", String.valueOf(academy)).get(telemetry).then().statusCode(403)
                .body("detail", equalTo("You (user: " + student.id() + ") don't have this capability: read_member for academy " + academy))
                .body("status_code", equalTo(403));
        api.as(student.token()).header("Academy", "abc").get(telemetry).then().statusCode(400)
                .body("detail", equalTo("Academy ID needs to be an integer: abc"));
        Api.User staff = api.newUser();
        api.addToAcademy(academy, staff.id(), "staff");
        api.as(staff.token()).header("Academy", String.valueOf(academy)).get(telemetry).then().statusCode(200)
                .body("user_id", hasItems((int) student.id(), (int) staff.id()));
        api.as(staff.token()).header("Academy", String.valueOf(api.newAcademy())).get(telemetry).then().statusCode(403);
        api.as(api.adminToken()).header("Academy", String.valueOf(academy)).get(telemetry).then().statusCode(200);
    }

    @Test
    void clientCredentialsGiveABearerTokenAndABadClientIsA401() {
        Api api = api();
        Response created = api.as(api.adminToken()).body(Map.of("name", "Integrator")).post("/v1/admin/clients");
        created.then().statusCode(201).body("client_id", notNullValue()).body("client_secret", notNullValue())
                .body("edapp", startsWith("urn:uuid:"));
        String id = created.path("client_id");
        String secret = created.path("client_secret");
        api.request().auth().preemptive().basic(id, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/analytics/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", notNullValue());
        api.json().body(Map.of("grant_type", "client_credentials", "client_id", id, "client_secret", secret))
                .post("/analytics/token").then().statusCode(200).body("access_token", notNullValue());
        api.request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", id).formParam("client_secret", "wrong").post("/analytics/token")
                .then().statusCode(401).body("message", everyItem(notNullValue()));
    }

    @Test
    void tokenEndpointErrorsAlsoCarryTheirOAuthCodes() {
        Api api = api();
        Api.Client client = api.newClient();
        api.request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client.clientId()).formParam("client_secret", "wrong").post("/analytics/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"))
                .body("error_description", notNullValue()).body("message", everyItem(notNullValue()));
        api.request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/analytics/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        api.request().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", client.clientId()).formParam("client_secret", client.secret())
                .post("/analytics/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"))
                .body("error_description", equalTo("grant_type must be client_credentials"));
        api.request().header("Authorization", "Basic !!!").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/analytics/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        // other Caliper errors keep their own shape
        api.request().get("/analytics/events").then().statusCode(401).body("$", not(hasKey("error")));
    }

    @Test
    void passwordsAndSecretsAreNotStoredInClear() throws Exception {
        Api api = api();
        Api.User user = api.newUser();
        Api.Client client = api.newClient();
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres")) {
            PreparedStatement q = db.prepareStatement("select password_hash from account where id = ?");
            q.setLong(1, user.id());
            ResultSet rs = q.executeQuery();
            rs.next();
            String hash = rs.getString(1);
            assertFalse(hash.contains("password-123"));
            assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:"), hash);
            PreparedStatement c = db.prepareStatement("select secret_hash from api_client where client_id = ?");
            c.setString(1, client.clientId());
            ResultSet crs = c.executeQuery();
            crs.next();
            assertFalse(crs.getString(1).contains(client.secret()));
        }
    }

    @Test
    void userReferencesResolveByIdEmailUuidAndUrn() {
        Api api = api();
        long academy = api.newAcademy();
        Api.User user = api.newUser();
        for (String ref : List.of(String.valueOf(user.id()), user.email(), user.uuid(), "urn:uuid:" + user.uuid())) {
            api.as(api.adminToken()).body(Map.of("user_id", ref, "role", "staff"))
                    .post("/v1/admin/academies/" + academy + "/members").then().statusCode(201)
                    .body("user_id", equalTo((int) user.id()));
        }
    }

    @Test
    void tenWrongPasswordsLockSignInForTheWindow() {
        Api api = api();
        Api.User user = api.newUser();
        for (int i = 0; i < 10; i++) {
            api.json().body(Map.of("email", user.email(), "password", "wrong-" + i)).post("/v1/auth/login")
                    .then().statusCode(400);
        }
        api.json().body(Map.of("email", user.email(), "password", "password-123")).post("/v1/auth/login")
                .then().statusCode(429).body("status_code", equalTo(429));
        assertEquals(200, api.json().body(Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD))
                .post("/v1/auth/login").statusCode(), "other accounts are not locked");
    }
}
