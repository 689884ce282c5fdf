package dev.pulse.caliper;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.TestResources;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Caliper ingestion on the real WAR: grade2, envelopes, idempotency, auth, media types, the IMS fixtures, queries. */
class CaliperIT {

    static final Path FIXTURES = TestResources.folder("caliper-fixtures");
    static final String CONTEXT = "http://purl.imsglobal.org/ctx/caliper/v1p2";

    /** The one Pulse of this test run (the real WAR on Payara Micro, shared by every HTTP-level test). */
    final URL base = PulseServer.baseUrl();

    private Api api() {
        return new Api(base);
    }

    record Client(String id, String edApp, String token) {
    }

    /** A registered integrator with a known edApp, and its token from /analytics/token. */
    private Client newClient() {
        Api api = api();
        String edApp = "urn:uuid:" + UUID.randomUUID();
        Response created = api.as(api.adminToken()).body(Map.of("name", Api.unique("integrator"), "edapp", edApp))
                .post("/v1/admin/clients").then().statusCode(201).extract().response();
        String token = api.request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", (String) created.path("client_id"))
                .formParam("client_secret", (String) created.path("client_secret"))
                .post("/analytics/token").then().statusCode(200).extract().path("access_token");
        return new Client(created.path("client_id"), edApp, token);
    }

    private RequestSpecification as(Client client) {
        return api().request().contentType(ContentType.JSON).header("Authorization", client.token());
    }

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** A complete grade2 event in the layout of the hub's field table. */
    private static JsonObjectBuilder grade2(String edApp, String assignee) {
        return Api.grade2Event(edApp, assignee);
    }

    private static JsonObject envelope(JsonValue... events) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (JsonValue e : events) {
            data.add(e);
        }
        return Json.createObjectBuilder().add("sensor", "https://example.edu/sensors/1")
                .add("sendTime", "2024-03-01T10:00:01.000Z").add("dataVersion", CONTEXT).add("data", data).build();
    }

    private static JsonObject readFixture(Path file) {
        try (var reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The IMS samples all name example.edu's or example.com's applications as edApp, and an edApp belongs to
     * the first client that sends it: each test client names them under a host of its own.
     */
    private static JsonValue withOwnEdApp(JsonValue item, Client client) {
        if (!(item instanceof JsonObject event) || !event.containsKey("edApp")) {
            return item;
        }
        JsonValue edApp = event.get("edApp");
        String own = "://" + client.id() + ".example.";
        JsonValue renamed = edApp;
        if (edApp instanceof jakarta.json.JsonString text) {
            renamed = Json.createValue(text.getString().replace("://example.", own));
        } else if (edApp instanceof JsonObject app && app.get("id") instanceof jakarta.json.JsonString id) {
            renamed = Json.createObjectBuilder(app).add("id", id.getString().replace("://example.", own)).build();
        }
        return Json.createObjectBuilder(event).add("edApp", renamed).build();
    }

    private static JsonObject envelopeWithOwnEdApps(JsonObject envelope, Client client) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        envelope.getJsonArray("data").forEach(item -> data.add(withOwnEdApp(item, client)));
        return Json.createObjectBuilder(envelope).add("data", data).build();
    }

    private static List<Path> fixtures(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".json"))
                    .sorted().toList();
        }
    }

    // ------------------------------------------------------------------ grade2

    @Test
    void anEmptyGrade2EventNamesEveryMissingRequiredFieldAtOnce() {
        Client client = newClient();
        as(client).body("{}").post("/analytics/grade2").then().statusCode(400)
                .body("message", contains(
                        "Field @context not informed", "Field id not informed", "Field type not informed",
                        "Field profile not informed", "Field actor.type not informed", "Field actor.host not informed",
                        "Field action not informed", "Field object.type not informed",
                        "Field object.assignee.id not informed", "Field object.assignee.type not informed",
                        "Field object.assignable.id not informed", "Field object.assignable.type not informed",
                        "Field object.assignable.skillCode not informed", "Field object.dateCreated not informed",
                        "Field object.startedAtTime not informed", "Field object.totalTime not informed",
                        "Field edApp not informed"));
    }

    @Test
    void aPartlyFilledEventNamesOnlyWhatIsMissing() {
        Client client = newClient();
        JsonObject full = grade2(client.edApp(), urn()).build();
        JsonObject object = Json.createObjectBuilder(full.getJsonObject("object"))
                .add("assignable", Json.createObjectBuilder().add("id", 1).add("type", "Activity"))
                .remove("startedAtTime").build();
        JsonObject event = Json.createObjectBuilder(full).add("object", object)
                .add("actor", Json.createObjectBuilder().add("type", "SoftwareApplication")).build();
        as(client).body(event.toString()).post("/analytics/grade2").then().statusCode(400)
                .body("message", contains("Field actor.host not informed", "Field object.assignable.skillCode not informed",
                        "Field object.startedAtTime not informed"));
    }

    @Test
    void aValidGrade2EventIsAnsweredWithItsContextAndIdAndStoredWithItsFilterColumns() {
        Client client = newClient();
        JsonObject event = grade2(client.edApp(), urn()).build();
        String id = event.getString("id");
        as(client).body(event.toString()).post("/analytics/grade2").then().statusCode(200)
                .body("'@context'", equalTo(CONTEXT)).body("id", equalTo(id));
        as(client).get("/analytics/events/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("type", equalTo("GradeEvent")).body("action", equalTo("Graded"))
                .body("assignable", equalTo("3899")).body("edApp", equalTo(client.edApp()))
                .body("completion", equalTo("SUCCESSFULL")).body("scoreGiven", equalTo(8.5f))
                .body("maxScore", equalTo(10.0f)).body("eventTime", equalTo("2024-03-01T09:05:00Z"))
                .body("dateCreated", equalTo("2024-03-01T10:00:00Z"))
                .body("event.object.assignable.skillCode", equalTo("EF15LP01"));
    }

    @Test
    void timesWithoutAnOffsetAndBareDatesAreReadAsUtc() {
        Client client = newClient();
        JsonObject full = grade2(client.edApp(), urn()).build();
        JsonObject object = Json.createObjectBuilder(full.getJsonObject("object")).add("dateCreated", "2024-03-01")
                .add("startedAtTime", "2024-03-01T09:00:00").add("endedAtTime", "2024-03-01T09:05:00.250").build();
        JsonObject event = Json.createObjectBuilder(full).add("object", object).build();
        as(client).body(event.toString()).post("/analytics/grade2").then().statusCode(200);
        as(client).get("/analytics/events/" + event.getString("id")).then().statusCode(200)
                .body("eventTime", equalTo("2024-03-01T09:05:00.250Z")).body("dateCreated", equalTo("2024-03-01T00:00:00Z"));
        as(client).queryParam("since", "2024-03-01").queryParam("until", "2024-03-01T09:06:00").get("/analytics/events")
                .then().statusCode(200).body("data.id", hasItem(event.getString("id")));
    }

    @Test
    void theHubsExampleLayoutWithTopLevelTimesAndAnIsoDurationIsAccepted() {
        Client client = newClient();
        JsonObject full = grade2(client.edApp(), urn()).add("type", "ViewEvent").add("profile", "ReadingProfile")
                .add("action", "Viewed").build();
        JsonObject object = Json.createObjectBuilder(full.getJsonObject("object")).add("type", "Reading")
                .remove("dateCreated").remove("startedAtTime").remove("endedAtTime").remove("totalTime")
                .add("frequency_assigned", 1).add("percentReading", 100).add("finished", "TRUE").build();
        JsonObject event = Json.createObjectBuilder(full).add("object", object)
                .add("dateCreated", "2024-03-02T10:00:00.000Z").add("startedAtTime", "2024-03-02T09:00:00.000Z")
                .add("duration", "PT300S").remove("generated").build();
        api().request().contentType("application/vnd.caliper+json").header("Authorization", "Bearer " + client.token())
                .body(event.toString()).post("/analytics/grade2").then().statusCode(200)
                .body("id", equalTo(event.getString("id")));
        as(client).get("/analytics/events/" + event.getString("id")).then().statusCode(200)
                .body("eventTime", equalTo("2024-03-02T09:00:00Z")).body("dateCreated", equalTo("2024-03-02T10:00:00Z"));
    }

    @Test
    void acceptedValuesAreEnforcedNamingTheFieldAndTheAcceptedValues() {
        Client client = newClient();
        JsonObject full = grade2(client.edApp(), urn()).build();
        JsonObject object = Json.createObjectBuilder(full.getJsonObject("object")).add("type", "Quiz")
                .add("completionType", "DONE")
                .add("assignable", Json.createObjectBuilder(full.getJsonObject("object").getJsonObject("assignable"))
                        .add("type", "Game").add("isPartOf", Json.createObjectBuilder().add("type", "Course")))
                .build();
        JsonObject event = Json.createObjectBuilder(full).add("object", object).add("type", "ClickEvent")
                .add("profile", "ClickProfile").add("action", "Clicked").build();
        as(client).body(event.toString()).post("/analytics/grade2").then().statusCode(400)
                .body("message", hasItems(
                        "Field type must be one of: GradeEvent, ViewEvent, GradeViewEvent",
                        "Field profile must be one of: GradingProfile, ReadingProfile, ReadingGradingProfile",
                        "Field action must be one of: Viewed, Graded, ViewdGraded, ViewedGraded",
                        "Field object.type must be one of: Attempt, Reading, Reading/Listen",
                        "Field object.assignable.type must be one of: Activity, Book Activity",
                        "Field object.completionType must be one of: SUCCESSFULL, FAILURE, ONGOING, EXTRA, CANCEL",
                        "Field object.assignable.isPartOf.type must be one of: Subject, GroupStudy, Task"))
                .body("message", hasSize(7));
        // both spellings of the combined action are accepted
        for (String action : List.of("ViewdGraded", "ViewedGraded")) {
            JsonObject ok = grade2(client.edApp(), urn()).add("type", "GradeViewEvent")
                    .add("profile", "ReadingGradingProfile").add("action", action).build();
            as(client).body(ok.toString()).post("/analytics/grade2").then().statusCode(200);
        }
    }

    @Test
    void urnsNumbersDatesAndRangesAreChecked() {
        Client client = newClient();
        JsonObject full = grade2(client.edApp(), urn()).build();
        JsonObject object = Json.createObjectBuilder(full.getJsonObject("object"))
                .add("assignee", Json.createObjectBuilder().add("id", "student-42").add("type", "Person"))
                .add("totalTime", "300").add("percentReading", 120).add("dateCreated", "01/03/2024")
                .build();
        JsonObject event = Json.createObjectBuilder(full).add("id", "12c05c4e-253f-4073-9f29-5786f3ff3f36")
                .add("object", object).add("edApp", "https://app.example")
                .add("generated", Json.createObjectBuilder().add("type", "Score").add("maxScore", 10).add("scoreGiven", 12))
                .build();
        as(client).body(event.toString()).post("/analytics/grade2").then().statusCode(400)
                .body("message", contains(
                        "Field id must be a URN of UUID type (urn:uuid:<uuid>)",
                        "Field object.assignee.id must be a URN of UUID type (urn:uuid:<uuid>)",
                        "Field object.dateCreated must be an ISO 8601 date-time or date, such as 2024-03-01T10:15:00.000Z (UTC when no offset is given)",
                        "Field object.totalTime must be a number",
                        "Field object.percentReading must be between 0 and 100",
                        "Field edApp must be a URN of UUID type (urn:uuid:<uuid>)",
                        "Field generated.scoreGiven must not be greater than generated.maxScore"));
    }

    // ------------------------------------------------------------------ auth and media types

    @Test
    void noTokenOrABadTokenIs401AndAUserTokenIs403() {
        Api api = api();
        String body = grade2("urn:uuid:" + UUID.randomUUID(), urn()).build().toString();
        api.json().body(body).post("/analytics/grade2").then().statusCode(401).body("message", hasSize(1));
        api.json().header("Authorization", "not-a-token").body(body).post("/analytics/grade2").then().statusCode(401);
        api.json().header("Authorization", "Bearer " + api.adminToken()).body(body).post("/analytics/grade2")
                .then().statusCode(403).body("message[0]", containsString("client"));
        api.json().header("Authorization", "Bearer " + api.newUser().token()).body(envelope().toString())
                .post("/analytics/caliper").then().statusCode(403);
        api.json().get("/analytics/events").then().statusCode(401);
        api.json().header("Authorization", api.newUser().token()).get("/analytics/events").then().statusCode(403);
    }

    @Test
    void anEventForAnotherEdAppIsForbiddenNamingTheMismatch() {
        Client client = newClient();
        String other = urn();
        as(client).body(grade2(other, urn()).build().toString()).post("/analytics/grade2").then().statusCode(403)
                .body("message[0]", containsString(other)).body("message[0]", containsString(client.edApp()));
    }

    @Test
    void jsonNestedDeeperThanTheParsersLimitIs400MalformedJson() {
        String deep = "{\"id\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        as(newClient()).body(deep).post("/analytics/caliper").then().statusCode(400)
                .body("message[0]", containsString("Malformed JSON"));
    }

    @Test
    void aNullCharacterAnywhereInAnEventIs400NeverA500() {
        Client client = newClient();
        String event = grade2(client.edApp(), urn()).add("extensions", JsonBodies.provider().createObjectBuilder()
                .add("note", "a\u0000b")).build().toString();
        as(client).body(event).post("/analytics/grade2").then().statusCode(400)
                .body("message[0]", containsString("Null characters"));
    }

    @Test
    void aNumberBeyondAFloatsRangeAnywhereInAnEventIs400NeverA500() {
        Client client = newClient();
        // jsonb writes numbers out in full, and refuses one of more than 131,072 digits
        String event = grade2(client.edApp(), urn()).add("extensions", JsonBodies.provider().createObjectBuilder()
                .add("weight", new java.math.BigDecimal("1e200000"))).build().toString();
        as(client).body(event).post("/analytics/grade2").then().statusCode(400)
                .body("message[0]", equalTo("Numbers in an event must be within the range of a 64-bit float."));
    }

    @Test
    void otherMediaTypesAre415MalformedJsonIs400AndBodiesOver5MiBAre413() {
        Client client = newClient();
        api().request().contentType("text/plain").header("Authorization", client.token()).body("hello")
                .post("/analytics/grade2").then().statusCode(415).body("message", hasSize(1));
        api().request().contentType("application/xml").header("Authorization", client.token()).body("<a/>")
                .post("/analytics/caliper").then().statusCode(415);
        as(client).body("{\"id\": ").post("/analytics/grade2").then().statusCode(400)
                .body("message[0]", containsString("Malformed JSON"));
        as(client).body("[1,2]").post("/analytics/caliper").then().statusCode(400).body("message", hasSize(1));
        String big = "{\"pad\":\"" + "x".repeat(5 * 1024 * 1024 + 10) + "\"}";
        as(client).body(big).post("/analytics/grade2").then().statusCode(413).body("message", hasSize(1));
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void resendingAnEventIsA200ThatStoresNothingNewAndReusingItsIdIsAConflict() {
        Client client = newClient();
        JsonObject event = grade2(client.edApp(), urn()).build();
        String id = event.getString("id");
        as(client).body(event.toString()).post("/analytics/grade2").then().statusCode(200).body("id", equalTo(id));
        // the same event, keys in another order
        JsonObjectBuilder reordered = Json.createObjectBuilder();
        List<String> keys = new ArrayList<>(event.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reordered.add(k, event.get(k)));
        as(client).body(reordered.build().toString()).post("/analytics/grade2").then().statusCode(200).body("id", equalTo(id));
        as(client).queryParam("id", id).get("/analytics/events").then().statusCode(200).body("data", hasSize(1));

        JsonObject changed = Json.createObjectBuilder(event).add("action", "Viewed").build();
        as(client).body(changed.toString()).post("/analytics/grade2").then().statusCode(409)
                .body("message[0]", containsString(id));
        as(client).body(envelope(changed).toString()).post("/analytics/caliper").then().statusCode(409);
        as(client).get("/analytics/events/" + id).then().statusCode(200).body("action", equalTo("Graded"));
    }

    @Test
    void concurrentSingleEventsAreAllStoredAndAcknowledged() throws Exception {
        Client client = newClient();
        String assignee = urn();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String body = grade2(client.edApp(), assignee).build().toString();
                statuses.add(pool.submit(() -> as(client).body(body).post("/analytics/grade2").statusCode()));
            }
            for (Future<Integer> s : statuses) {
                assertEquals(200, s.get());
            }
        } finally {
            pool.shutdown();
        }
        as(client).queryParam("assignee", assignee).queryParam("limit", 500).get("/analytics/events")
                .then().statusCode(200).body("data", hasSize(80));
    }

    @Test
    void anAssigneeThatIsAnAccountIsLinkedAndAnUnknownOneIsStillStored() {
        Client client = newClient();
        Api.User user = api().newUser();
        JsonObject known = grade2(client.edApp(), "urn:uuid:" + user.uuid()).build();
        JsonObject unknown = grade2(client.edApp(), urn()).build();
        as(client).body(known.toString()).post("/analytics/grade2").then().statusCode(200);
        as(client).body(unknown.toString()).post("/analytics/grade2").then().statusCode(200);
        // the link is shown to platform administrators only, as the account's uuid
        Api api = api();
        api.as(api.adminToken()).get("/analytics/events/" + known.getString("id")).then().statusCode(200)
                .body("accountUuid", equalTo(user.uuid()));
        api.as(api.adminToken()).get("/analytics/events/" + unknown.getString("id")).then().statusCode(200)
                .body("$", hasKey("accountUuid")).body("accountUuid", nullValue());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        dev.pulse.platform.testing.IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                java.sql.PreparedStatement q = c.prepareStatement(
                        "select event_id, account_id from caliper_event where client_id = ? order by seq")) {
            q.setString(1, client.id());
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                assertEquals(known.getString("id"), r.getString(1));
                assertEquals(user.id(), r.getLong(2));
                assertTrue(r.next());
                assertEquals(null, r.getObject(2));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eventQueriesNeverAnswerAnInternalAccountId() {
        Client client = newClient();
        Api.User user = api().newUser();
        JsonObject event = grade2(client.edApp(), "urn:uuid:" + user.uuid()).build();
        as(client).body(event.toString()).post("/analytics/grade2").then().statusCode(200);
        String id = event.getString("id");
        Api api = api();
        List<Response> answers = List.of(as(client).get("/analytics/events/" + id),
                as(client).queryParam("id", id).get("/analytics/events"),
                api.as(api.adminToken()).get("/analytics/events/" + id),
                api.as(api.adminToken()).queryParam("id", id).get("/analytics/events"));
        for (Response r : answers) {
            r.then().statusCode(200);
            assertTrue(!r.asString().contains("accountId"), r.asString());
        }
        as(client).get("/analytics/events/" + id).then().body("$", not(hasKey("accountUuid")))
                .body("assignee", equalTo("urn:uuid:" + user.uuid()));
        as(client).queryParam("id", id).get("/analytics/events").then().body("data[0]", not(hasKey("accountUuid")));
        api.as(api.adminToken()).queryParam("id", id).get("/analytics/events").then()
                .body("data[0].accountUuid", equalTo(user.uuid()));
    }

    // ------------------------------------------------------------------ edApp bindings

    /** A URL no other test names: an edApp in URL form of this test alone. */
    private static String urlEdApp() {
        return "https://" + UUID.randomUUID() + ".apps.example.org/player";
    }

    /** A Caliper 1.2 event (an IMS sample, with an id of its own) naming the edApp. */
    private static JsonObject naming(String edApp) {
        return Json.createObjectBuilder(readFixture(FIXTURES.resolve("caliperEventToolUseUsed.json")))
                .add("id", urn()).add("edApp", edApp).build();
    }

    @Test
    void aUrlEdAppBelongsToTheFirstClientThatSendsItInAnyCaseOrTrailingSlash() {
        Client first = newClient();
        Client second = newClient();
        String edApp = urlEdApp();
        as(first).body(envelope(naming(edApp)).toString()).post("/analytics/caliper").then().statusCode(200)
                .body("stored", equalTo(1));
        for (String variant : List.of(edApp, edApp.toUpperCase(), edApp + "/")) {
            as(second).body(envelope(naming(variant)).toString()).post("/analytics/caliper").then().statusCode(403)
                    .body("message", hasSize(1)).body("message[0]", containsString("is bound to another client"));
            as(first).body(envelope(naming(variant)).toString()).post("/analytics/caliper").then().statusCode(200)
                    .body("stored", equalTo(1));
        }
        // partial envelopes list the refused event and store the others
        as(second).queryParam("partial", true).body(envelope(naming(edApp), naming(urlEdApp())).toString())
                .post("/analytics/caliper").then().statusCode(200).body("stored", equalTo(1))
                .body("rejected[0].index", equalTo(0)).body("rejected[0].status", equalTo(403));
        // an edApp object names it just the same
        JsonObject asObject = Json.createObjectBuilder(naming(edApp)).add("edApp", Json.createObjectBuilder()
                .add("id", edApp).add("type", "SoftwareApplication")).build();
        as(second).body(envelope(asObject).toString()).post("/analytics/caliper").then().statusCode(403);
        as(second).get("/analytics/events").then().statusCode(200).body("data", hasSize(1));
    }

    @Test
    void aBindingAnotherInstanceCommittedDecidesHere() throws Exception {
        Client owner = newClient();
        Client latecomer = newClient();
        String edApp = urlEdApp();
        // as another instance would have bound it: the row only, nothing remembered on this one
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        dev.pulse.platform.testing.IntegrationDatabase.jdbcUrl(), "postgres", "postgres");
                java.sql.PreparedStatement bind = c.prepareStatement("insert into caliper_ed_app (ed_app_key, ed_app, "
                        + "client_id, bound_at) values (encode(sha256(convert_to(?, 'UTF8')), 'hex'), ?, ?, now())")) {
            bind.setString(1, edApp.toLowerCase());
            bind.setString(2, edApp.toLowerCase());
            bind.setString(3, owner.id());
            bind.executeUpdate();
        }
        as(latecomer).body(envelope(naming(edApp)).toString()).post("/analytics/caliper").then().statusCode(403);
        as(owner).body(envelope(naming(edApp)).toString()).post("/analytics/caliper").then().statusCode(200);
    }

    @Test
    void anEdAppLongerThanAnIndexEntryIsBoundLikeAnyOther() {
        Client first = newClient();
        Client second = newClient();
        String edApp = urlEdApp() + "/" + "x".repeat(8000);
        as(first).body(envelope(naming(edApp)).toString()).post("/analytics/caliper").then().statusCode(200);
        as(second).body(envelope(naming(edApp)).toString()).post("/analytics/caliper").then().statusCode(403)
                .body("message[0]", containsString("is bound to another client"));
    }

    @Test
    void concurrentFirstUsesOfAUrlEdAppBindItToExactlyOneClient() throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(newClient());
        }
        String edApp = urlEdApp();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Client client : clients) {
                answers.add(pool.submit(() -> as(client).body(envelope(naming(edApp)).toString())
                        .post("/analytics/caliper").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(clients.size() - 1, statuses.stream().filter(s -> s == 403).count(), statuses.toString());
            Client winner = clients.get(statuses.indexOf(200));
            as(winner).body(envelope(naming(edApp)).toString()).post("/analytics/caliper").then().statusCode(200);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aUrnEdAppIsRegisteredForOneClientAndRefusedToAnyOther() {
        Client owner = newClient();
        Client other = newClient();
        Api api = api();
        api.as(api.adminToken()).body(Map.of("name", Api.unique("copycat"), "edapp", owner.edApp().toUpperCase()
                        .replace("URN:UUID:", "urn:uuid:")))
                .post("/v1/admin/clients").then().statusCode(400)
                .body("edapp", hasItem("An API client with that edApp already exists."));
        as(other).body(grade2(owner.edApp(), urn()).build().toString()).post("/analytics/grade2").then().statusCode(403)
                .body("message[0]", containsString(owner.edApp()));
        as(other).body(envelope(naming(owner.edApp())).toString()).post("/analytics/caliper").then().statusCode(403)
                .body("message", hasSize(1));
        as(owner).body(envelope(naming(owner.edApp())).toString()).post("/analytics/caliper").then().statusCode(200);
    }

    // ------------------------------------------------------------------ envelopes

    @Test
    void anEnvelopeWithOneBadEventStoresNothingUnlessPartialIsAsked() {
        Client client = newClient();
        String assignee = urn();
        JsonObject a = grade2(client.edApp(), assignee).build();
        JsonObject b = grade2(client.edApp(), assignee).build();
        JsonObject bad = Json.createObjectBuilder(grade2(client.edApp(), assignee).build()).remove("actor").build();
        JsonObject env = envelope(a, b, bad);

        as(client).body(env.toString()).post("/analytics/caliper").then().statusCode(400)
                .body("message", hasItems("data[2]: Field actor.type not informed", "data[2]: Field actor.host not informed"));
        as(client).queryParam("assignee", assignee).get("/analytics/events").then().body("data", hasSize(0));

        as(client).queryParam("partial", true).body(env.toString()).post("/analytics/caliper").then().statusCode(200)
                .body("received", equalTo(3)).body("stored", equalTo(2)).body("alreadyStored", equalTo(0))
                .body("rejected", hasSize(1)).body("rejected[0].index", equalTo(2))
                .body("rejected[0].id", equalTo(bad.getString("id")))
                .body("rejected[0].message", hasItem("data[2]: Field actor.host not informed"));
        as(client).queryParam("assignee", assignee).get("/analytics/events").then().body("data", hasSize(2));

        // all-or-nothing again: the two stored ones are resends, the bad one is still bad
        as(client).queryParam("partial", true).body(envelope(a, b).toString()).post("/analytics/caliper").then()
                .statusCode(200).body("stored", equalTo(0)).body("alreadyStored", equalTo(2));
    }

    @Test
    void aConflictInsideAnEnvelopeRollsItBackUnlessPartial() {
        Client client = newClient();
        String assignee = urn();
        JsonObject stored = grade2(client.edApp(), assignee).build();
        as(client).body(stored.toString()).post("/analytics/grade2").then().statusCode(200);
        JsonObject clash = Json.createObjectBuilder(stored).add("action", "Viewed").build();
        JsonObject fresh = grade2(client.edApp(), assignee).build();
        as(client).body(envelope(fresh, clash).toString()).post("/analytics/caliper").then().statusCode(409)
                .body("message[0]", containsString("data[1]"));
        as(client).queryParam("assignee", assignee).get("/analytics/events").then().body("data", hasSize(1));
        as(client).queryParam("partial", "true").body(envelope(fresh, clash).toString()).post("/analytics/caliper")
                .then().statusCode(200).body("stored", equalTo(1)).body("rejected[0].index", equalTo(1))
                .body("rejected[0].status", equalTo(409));
    }

    @Test
    void envelopeRulesDuplicateIdsVersionsSizeAndConfiguration() {
        Client client = newClient();
        JsonObject a = grade2(client.edApp(), urn()).build();
        as(client).body(envelope(a, grade2(client.edApp(), urn()).build(), a).toString()).post("/analytics/caliper")
                .then().statusCode(400).body("message[0]", containsString("data[2]"))
                .body("message[0]", containsString(a.getString("id")));
        JsonObject v1p1 = Json.createObjectBuilder(envelope(a)).add("dataVersion", "http://purl.imsglobal.org/ctx/caliper/v1p1").build();
        as(client).body(v1p1.toString()).post("/analytics/caliper").then().statusCode(422)
                .body("message[0]", containsString("dataVersion"));
        as(client).body("{}").post("/analytics/caliper").then().statusCode(400)
                .body("message", contains("Field sensor not informed", "Field sendTime not informed",
                        "Field dataVersion not informed", "Field data not informed"));
        JsonValue[] tooMany = new JsonValue[1001];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = Json.createObjectBuilder().add("id", "urn:uuid:" + UUID.randomUUID()).build();
        }
        as(client).body(envelope(tooMany).toString()).post("/analytics/caliper").then().statusCode(400)
                .body("message[0]", containsString("at most 1000"));
        as(client).get("/analytics/caliper").then().statusCode(200)
                .body("caliper_supported_versions", contains(CONTEXT))
                .body("caliper_maximum_payload_size", equalTo(5120));
    }

    @Test
    void aFullEnvelopeOf1000EventsIsStoredInOneGo() {
        Client client = newClient();
        String assignee = urn();
        JsonValue[] events = new JsonValue[1000];
        for (int i = 0; i < events.length; i++) {
            events[i] = grade2(client.edApp(), assignee).build();
        }
        as(client).body(envelope(events).toString()).post("/analytics/caliper").then().statusCode(200)
                .body("stored", equalTo(1000));
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            RequestSpecification q = as(client).queryParam("assignee", assignee).queryParam("limit", 500);
            if (cursor != null) {
                q.queryParam("cursor", cursor);
            }
            Response page = q.get("/analytics/events").then().statusCode(200).extract().response();
            ids.addAll(page.path("data.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(1000, ids.size());
    }

    // ------------------------------------------------------------------ IMS fixtures

    @Test
    void everyImsEventFixtureIsStoredOrIsAConflictWhenItsIdWasUsedForOtherContent() throws IOException {
        Client client = newClient();
        Map<String, JsonObject> seen = new HashMap<>();
        int stored = 0;
        int conflicts = 0;
        for (Path file : fixtures(FIXTURES, "caliperEvent")) {
            JsonObject event = readFixture(file);
            String id = event.getString("id");
            JsonObject earlier = seen.putIfAbsent(id, event);
            int expected = earlier == null || earlier.equals(event) ? 200 : 409;
            int status = as(client).body(envelope(withOwnEdApp(event, client)).toString()).post("/analytics/caliper")
                    .statusCode();
            assertEquals(expected, status, file.getFileName().toString());
            if (status == 200) {
                stored++;
            } else {
                conflicts++;
            }
        }
        assertTrue(stored >= 40, "stored " + stored);
        assertEquals(10, conflicts);
        as(client).queryParam("limit", 500).get("/analytics/events").then().body("data", hasSize(seen.size()));
    }

    @Test
    void everyImsEventEnvelopeFixtureIsAcceptedWith200() throws IOException {
        for (String name : List.of("caliperEnvelopeEventSingle.json", "caliperEnvelopeEventBatch.json",
                "caliperEnvelopeEventThinned.json", "caliperEnvelopeEventContextArray.json",
                "caliperEnvelopeToolUseEvent.json")) {
            Client client = newClient();
            JsonObject envelope = readFixture(FIXTURES.resolve(name));
            as(client).body(envelopeWithOwnEdApps(envelope, client).toString()).post("/analytics/caliper").then().statusCode(200)
                    .body("stored", equalTo(envelope.getJsonArray("data").size()));
        }
    }

    @Test
    void everyImsErrorFixtureIsRejected() throws IOException {
        Client client = newClient();
        List<String> accepted = new ArrayList<>();
        List<Path> files = fixtures(FIXTURES.resolve("commonErrorFixtures"), "caliper");
        for (Path file : files) {
            String raw = Files.readString(file, StandardCharsets.UTF_8);
            String body = "{\"sensor\":\"https://example.edu/sensors/1\",\"sendTime\":\"2024-03-01T10:00:01.000Z\","
                    + "\"dataVersion\":\"" + CONTEXT + "\",\"data\":[" + raw + "]}";
            int status = as(client).body(body).post("/analytics/caliper").statusCode();
            if (status != 400) {
                accepted.add(file.getFileName() + " -> " + status);
            }
        }
        assertEquals(List.of(), accepted);
        assertTrue(files.size() > 200);
        as(client).get("/analytics/events").then().body("data", hasSize(0));
    }

    // ------------------------------------------------------------------ query API

    @Test
    void aClientSeesOnlyItsOwnEventsNewestFirstAndAnAdministratorSeesAll() {
        Client mine = newClient();
        Client theirs = newClient();
        String assignee = urn();
        List<String> ids = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            JsonObject base = grade2(mine.edApp(), assignee).build();
            JsonObject object = Json.createObjectBuilder(base.getJsonObject("object"))
                    .add("startedAtTime", "2024-05-0" + day + "T08:00:00Z").remove("endedAtTime").build();
            JsonObject event = Json.createObjectBuilder(base).add("object", object).build();
            as(mine).body(event.toString()).post("/analytics/grade2").then().statusCode(200);
            ids.add(0, event.getString("id"));
        }
        JsonObject foreign = grade2(theirs.edApp(), assignee).build();
        as(theirs).body(foreign.toString()).post("/analytics/grade2").then().statusCode(200);

        Response first = as(mine).queryParam("assignee", assignee).queryParam("limit", 2).get("/analytics/events")
                .then().statusCode(200).body("data.id", contains(ids.get(0), ids.get(1)))
                .body("nextCursor", notNullValue()).extract().response();
        Response second = as(mine).queryParam("assignee", assignee).queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("nextCursor")).get("/analytics/events")
                .then().statusCode(200).body("data.id", contains(ids.get(2), ids.get(3))).extract().response();
        as(mine).queryParam("assignee", assignee).queryParam("limit", 2)
                .queryParam("cursor", (String) second.path("nextCursor")).get("/analytics/events")
                .then().body("data.id", contains(ids.get(4))).body("nextCursor", nullValue());

        as(mine).queryParam("assignee", assignee).queryParam("since", "2024-05-02T00:00:00Z")
                .queryParam("until", "2024-05-04T00:00:00Z").get("/analytics/events")
                .then().body("data.id", contains(ids.get(2), ids.get(3)));
        as(mine).queryParam("assignee", assignee).queryParam("type", "ViewEvent").get("/analytics/events")
                .then().body("data", hasSize(0));
        as(mine).queryParam("assignable", "3899").queryParam("assignee", assignee).get("/analytics/events")
                .then().body("data", hasSize(5));

        as(theirs).queryParam("assignee", assignee).get("/analytics/events").then().statusCode(200)
                .body("data.id", contains(foreign.getString("id")));
        as(theirs).get("/analytics/events/" + ids.get(0)).then().statusCode(404);
        as(mine).get("/analytics/events/" + foreign.getString("id")).then().statusCode(404);

        Api api = api();
        api.as(api.adminToken()).queryParam("assignee", assignee).get("/analytics/events").then().statusCode(200)
                .body("data", hasSize(6));
        as(mine).queryParam("since", "yesterday").get("/analytics/events").then().statusCode(400)
                .body("message[0]", containsString("since"));
        as(mine).queryParam("cursor", "garbage!").get("/analytics/events").then().statusCode(400);
        as(mine).queryParam("limit", 0).get("/analytics/events").then().statusCode(400);
    }
}
