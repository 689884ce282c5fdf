package dev.pulse.platform.servers;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.pulse.platform.testing.Api;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same unchanged WAR on another server: one write and one read per API family, sign-in, the
 * OpenAPI document and readiness, against the integration run's PostgreSQL. Each subclass starts
 * its server before and stops it after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerSmoke {

    private DeployedPulse server;
    private Api api;

    /** Provisions nothing: starts the server Maven provisioned and deploys target/pulse.war on it. */
    abstract DeployedPulse deploy() throws Exception;

    @BeforeAll
    void start() throws Exception {
        // a refused request shows its answer: what another server does differently is in the body
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        server = deploy();
        api = new Api(new URL(server.baseUrl()));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        api.request().get(server.healthUrl() + "health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).body("checks.name", hasItem("database"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryFamily() {
        api.request().get("/openapi").then().statusCode(200)
                .body(containsString("/v1/activity/user/{email_or_id}"))
                .body(containsString("/analytics/grade2"))
                .body(containsString("/v1/assignment/academy/asset/"))
                .body(containsString("/api/group/v1/create"))
                .body(containsString("/live/mentorship/create"));
    }

    @Test
    void anAdministratorSignsInAndAForgedTokenIsRefused() {
        api.json().body(Map.of("email", Api.ADMIN_EMAIL, "password", Api.ADMIN_PASSWORD)).post("/v1/auth/login")
                .then().statusCode(200).body("email", equalTo(Api.ADMIN_EMAIL));
        api.as("not-a-token").get("/v1/activity/user/1").then().statusCode(401)
                .body("detail", equalTo("Invalid or expired token."));
    }

    @Test
    void anActivityIsRecordedAndListed() {
        Api.User student = api.newUser();
        int id = api.as(student.token()).body(Map.of("slug", "lesson_opened", "data", "smoke"))
                .post("/v1/activity/user/" + student.id()).then().statusCode(201).extract().path("id");
        api.as(student.token()).get("/v1/activity/user/" + student.id()).then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void aCaliperGradeEventIsIngestedAndRead() {
        Api.Client client = api.newClient();
        JsonObject event = Api.grade2Event(client.edapp());
        String id = event.getString("id");
        api.request().contentType(ContentType.JSON).header("Authorization", client.token()).body(event.toString())
                .post("/analytics/grade2").then().statusCode(200).body("id", equalTo(id));
        api.request().header("Authorization", client.token()).get("/analytics/events/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("action", equalTo("Graded")).body("scoreGiven", equalTo(8.5f));
    }

    @Test
    void assignmentTelemetryIsWrittenAndRead() {
        long academy = api.newAcademy();
        Api.User student = api.newUser();
        Api.User coordinator = api.newUser();
        api.addToAcademy(academy, student.id(), "student");
        api.addToAcademy(academy, coordinator.id(), "academy_coordinator");
        String path = "/v1/assignment/academy/asset/" + Api.unique("asset") + "/user/" + student.id() + "/telemetry";
        int id = api.as(coordinator.token()).header("Academy", String.valueOf(academy))
                .body("{\"completion_rate\":40}").post(path).then().statusCode(201).extract().path("id");
        api.as(coordinator.token()).header("Academy", String.valueOf(academy)).get(path).then().statusCode(200)
                .body("id", equalTo(id)).body("completion_rate", equalTo(40.0f));
    }

    @Test
    void aStudyGroupIsCreatedAndRead() {
        long academy = api.newAcademy();
        Api.User creator = api.newUser();
        api.addToAcademy(academy, creator.id(), "student");
        Api.Client client = api.newClient();
        String groupId = api.json().header("Authorization", "Bearer " + client.token())
                .header("x-authenticated-user-token", creator.token())
                .body(Map.of("request", Map.of("name", "Smoke class", "description", "fractions")))
                .post("/api/group/v1/create").then().statusCode(200).body("params.status", equalTo("success"))
                .extract().path("result.groupId");
        api.json().header("Authorization", "Bearer " + client.token())
                .header("x-authenticated-user-token", creator.token())
                .get("/api/group/v1/read/" + groupId).then().statusCode(200)
                .body("result.id", equalTo(groupId)).body("result.name", equalTo("Smoke class"));
    }

    @Test
    void aLiveMentorshipTicketIsOpenedAndQueued() {
        String token = api.json()
                .body(Map.of("name", "Smoke Test", "username", Api.unique("smoke"), "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        String ticket = api.json().header("X-MenloHacks-Authorization", token)
                .body(Map.of("description", "smoke test", "location", "Main gym", "contact", "555-0100"))
                .post("/live/mentorship/create").then().statusCode(201).extract().path("data.id");
        api.json().header("X-MenloHacks-Authorization", token).get("/live/mentorship/user/queue").then().statusCode(200)
                .body("data.tickets.open.id", hasItem(ticket));
    }
}
