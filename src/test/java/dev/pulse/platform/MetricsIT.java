package dev.pulse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The application metrics on /metrics count exactly the traffic sent. The server is shared, so the test
 * compares its own readings before and after, and runs alone: other classes' requests would move the
 * same counters.
 */
@Isolated
class MetricsIT {

    private static final String LIVE = "X-MenloHacks-Authorization";
    /** One sample line of the Prometheus text format: name{labels} value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    final URL base = PulseServer.baseUrl();
    private final Api api = new Api(base);

    /** The samples of one scrape of /metrics. */
    private record Scrape(List<Sample> samples) {
        /** The sum of the named metric's samples whose labels include all of {@code labels}; 0 when there is none. */
        double value(String name, String... labels) {
            Map<String, String> wanted = new HashMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                wanted.put(labels[i], labels[i + 1]);
            }
            return samples.stream()
                    .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
                    .mapToDouble(Sample::value).sum();
        }

        /** Pulse's own samples, for failure messages. */
        List<Sample> pulse() {
            return samples.stream().filter(s -> s.name().startsWith("pulse_")).toList();
        }
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private static void assertRoseAtLeast(Scrape before, Scrape after, double by, String name, String... labels) {
        double rose = after.value(name, labels) - before.value(name, labels);
        assertTrue(rose >= by, () -> name + " rose by " + rose + " in " + after.pulse());
    }

    private Scrape scrape() {
        String text = api.request().accept("text/plain").get("/metrics").then().statusCode(200).extract().asString();
        List<Sample> samples = text.lines().filter(l -> !l.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches)
                .map(m -> new Sample(m.group(1), labels(m.group(2)), Double.parseDouble(m.group(3)))).toList();
        return new Scrape(samples);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }

    private static void assertRose(Scrape before, Scrape after, double by, String name, String... labels) {
        assertEquals(by, after.value(name, labels) - before.value(name, labels), 0.0,
                () -> name + " " + String.join(",", labels) + " in " + after.pulse());
    }

    @Test
    void countsRequestsErrorsAndWritesPerFamilyAsTheyHappen() {
        // everything that needs setting up first, so that only the measured traffic falls between the scrapes
        Api.Client client = api.newClient();
        Api.User learner = api.newUser();
        long academy = api.newAcademy();
        Api.User staff = api.newUser();
        Api.User student = api.newUser();
        api.addToAcademy(academy, staff.id(), "academy_coordinator");
        api.addToAcademy(academy, student.id(), "student");
        String creator = newLiveUser();
        String mentor = newLiveUser();
        JsonObject event = Api.grade2Event(client.edapp());

        Scrape before = scrape();

        RequestSpecification caliper = api.request().contentType(ContentType.JSON).header("Authorization", client.token());
        caliper.body(event.toString()).post("/analytics/grade2").then().statusCode(200);
        caliper.body(event.toString()).post("/analytics/grade2").then().statusCode(200);
        caliper.body("{}").post("/analytics/grade2").then().statusCode(400);

        api.as(api.adminToken()).body(Map.of("slug", "lesson_opened")).post("/v1/activity/user/" + learner.id())
                .then().statusCode(201);
        api.as(staff.token()).header("Academy", String.valueOf(academy))
                .body("{\"telemetry\":{\"events\":[\"start\"]}}")
                .post("/v1/assignment/academy/asset/" + Api.unique("asset") + "/user/" + student.id() + "/telemetry")
                .then().statusCode(201);

        String ticket = live(creator).body(Map.of("description", "stuck on loops", "location", "Main gym", "contact", "555-0100"))
                .post("/live/mentorship/create").then().statusCode(201).extract().path("data.id");
        live(mentor).body(Map.of("id", ticket)).post("/live/mentorship/claim").then().statusCode(200);
        live(mentor).body(Map.of("id", ticket)).post("/live/mentorship/close").then().statusCode(200);
        live(mentor).body(Map.of("id", "999999999")).post("/live/mentorship/claim").then().statusCode(404);

        Scrape after = scrape();

        assertRose(before, after, 2, "pulse_requests_total", "family", "caliper", "status", "2xx");
        assertRose(before, after, 1, "pulse_requests_total", "family", "caliper", "status", "4xx");
        assertRose(before, after, 1, "pulse_errors_total", "family", "caliper", "status", "4xx");
        assertRose(before, after, 0, "pulse_errors_total", "family", "caliper", "status", "5xx");
        assertRose(before, after, 1, "pulse_caliper_events_total", "outcome", "ingested");
        assertRose(before, after, 1, "pulse_caliper_events_total", "outcome", "deduplicated");
        assertRose(before, after, 1, "pulse_caliper_events_total", "outcome", "rejected");

        assertRose(before, after, 2, "pulse_requests_total", "family", "breathecode", "status", "2xx");
        assertRose(before, after, 0, "pulse_errors_total", "family", "breathecode");
        assertRose(before, after, 1, "pulse_activity_writes_total", "kind", "activity");
        assertRose(before, after, 1, "pulse_telemetry_writes_total", "operation", "created");
        // one group-commit batch per single write: nothing else wrote meanwhile
        assertRose(before, after, 2, "pulse_group_commit_batch_size_count", "writer", "caliper_events");
        assertRose(before, after, 1, "pulse_group_commit_batch_size_count", "writer", "activities");
        assertRose(before, after, 1, "pulse_group_commit_batch_size_count", "writer", "telemetry_upserts");
        // each of those batches took a connection; binding the client's edApp may take one more
        assertRoseAtLeast(before, after, 4, "pulse_db_connection_wait_microseconds_count");

        assertRose(before, after, 3, "pulse_requests_total", "family", "live", "status", "2xx");
        assertRose(before, after, 1, "pulse_errors_total", "family", "live", "status", "4xx");
        assertRose(before, after, 1, "pulse_mentorship_tickets_total", "transition", "opened");
        assertRose(before, after, 1, "pulse_mentorship_tickets_total", "transition", "claimed");
        assertRose(before, after, 1, "pulse_mentorship_tickets_total", "transition", "closed");
    }

    private RequestSpecification live(String token) {
        return api.json().header(LIVE, token);
    }

    private String newLiveUser() {
        return api.json().body(Map.of("name", "Mentor Person", "username", Api.unique("live"), "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
    }
}
