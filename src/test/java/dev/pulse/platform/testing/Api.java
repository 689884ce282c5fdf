package dev.pulse.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;
import java.util.UUID;

/**
 * A client of a deployed Pulse for tests: signs in as the bootstrap administrator and sets up
 * accounts, academies, cohorts and API clients through the public admin API.
 */
public final class Api {

    public static final String ADMIN_EMAIL = "admin@pulse.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private final String base;
    private String adminToken;

    public Api(URL base) {
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public RequestSpecification request() {
        return given().baseUri(base).urlEncodingEnabled(true);
    }

    public RequestSpecification json() {
        return request().contentType(ContentType.JSON);
    }

    /** A BreatheCode-style authenticated request. */
    public RequestSpecification as(String token) {
        return json().header("Authorization", "Token " + token);
    }

    public String url(String path) {
        return base + path;
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public String login(String email, String password) {
        return json().body(Map.of("email", email, "password", password))
                .post("/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new account; returns its id, uuid, email and token. */
    public User newUser() {
        String email = unique("user") + "@pulse.test";
        Response created = as(adminToken())
                .body(Map.of("email", email, "password", "password-123", "first_name", "Ada", "last_name", "Lovelace"))
                .post("/v1/admin/users").then().statusCode(201).extract().response();
        long id = ((Number) created.path("id")).longValue();
        return new User(id, created.path("uuid"), email, login(email, "password-123"));
    }

    public record User(long id, String uuid, String email, String token) {
    }

    public long newAcademy() {
        String slug = unique("academy");
        return ((Number) as(adminToken()).body(Map.of("slug", slug, "name", "Academy " + slug))
                .post("/v1/admin/academies").then().statusCode(201).extract().path("id")).longValue();
    }

    public void addToAcademy(long academyId, long userId, String role) {
        as(adminToken()).body(Map.of("user_id", String.valueOf(userId), "role", role))
                .post("/v1/admin/academies/" + academyId + "/members").then().statusCode(201);
    }

    public Cohort newCohort(long academyId, Integer currentDay) {
        String slug = unique("cohort");
        Map<String, Object> body = currentDay == null
                ? Map.of("slug", slug, "name", "Cohort " + slug, "academy_id", academyId)
                : Map.of("slug", slug, "name", "Cohort " + slug, "academy_id", academyId, "current_day", currentDay);
        long id = ((Number) as(adminToken()).body(body).post("/v1/admin/cohorts")
                .then().statusCode(201).extract().path("id")).longValue();
        return new Cohort(id, slug);
    }

    public record Cohort(long id, String slug) {
    }

    public void addToCohort(String cohort, long userId, String role) {
        as(adminToken()).body(Map.of("user_id", String.valueOf(userId), "role", role))
                .post("/v1/admin/cohorts/" + cohort + "/users").then().statusCode(201);
    }

    /** A registered API client and a token for it from /analytics/token. */
    public Client newClient() {
        return newClient(Map.of("name", unique("client")));
    }

    /** A registered API client bound to the academy, and a token for it. */
    public Client newClient(long academyId) {
        return newClient(Map.of("name", unique("client"), "academy_id", academyId));
    }

    private Client newClient(Map<String, Object> registration) {
        Response created = as(adminToken()).body(registration)
                .post("/v1/admin/clients").then().statusCode(201).extract().response();
        String id = created.path("client_id");
        String secret = created.path("client_secret");
        String token = request().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", id).formParam("client_secret", secret)
                .post("/analytics/token").then().statusCode(200).extract().path("access_token");
        return new Client(id, secret, created.path("edapp"), token);
    }

    public record Client(String clientId, String secret, String edapp, String token) {
    }

    /** A complete Caliper GradeEvent with a new id, from the given edApp, for a new assignee. */
    public static JsonObject grade2Event(String edApp) {
        return grade2Event(edApp, "urn:uuid:" + UUID.randomUUID()).build();
    }

    /** A complete Caliper GradeEvent with a new id, in the layout of the hub's field table, to build on. */
    public static JsonObjectBuilder grade2Event(String edApp, String assignee) {
        return Json.createObjectBuilder()
                .add("@context", "http://purl.imsglobal.org/ctx/caliper/v1p2")
                .add("id", "urn:uuid:" + UUID.randomUUID())
                .add("type", "GradeEvent")
                .add("profile", "GradingProfile")
                .add("actor", Json.createObjectBuilder().add("type", "SoftwareApplication").add("host", "https://www.aprimora.com.br"))
                .add("action", "Graded")
                .add("object", Json.createObjectBuilder()
                        .add("type", "Attempt")
                        .add("assignee", Json.createObjectBuilder().add("id", assignee).add("type", "Person"))
                        .add("assignable", Json.createObjectBuilder().add("id", 3899).add("type", "Activity")
                                .add("skillCode", "EF15LP01")
                                .add("isPartOf", Json.createObjectBuilder().add("id", "LP").add("name", "Portuguese").add("type", "Subject")))
                        .add("dateCreated", "2024-03-01T10:00:00Z")
                        .add("startedAtTime", "2024-03-01T09:00:00.000Z")
                        .add("endedAtTime", "2024-03-01T09:05:00.000Z")
                        .add("totalTime", 300)
                        .add("completionType", "SUCCESSFULL"))
                .add("edApp", edApp)
                .add("generated", Json.createObjectBuilder().add("type", "Score").add("maxScore", 10).add("scoreGiven", 8.5));
    }

}
