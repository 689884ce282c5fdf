package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent writes of every kind a client can make (activities, single Caliper events and
 * envelopes, new and updated telemetry, Live tickets), remembering each one Pulse acknowledged
 * with a 2xx, so that a later run can check that every acknowledged write is stored.
 */
final class AcknowledgedWrites {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final String base;
    private final Writers writers;

    private final Set<Long> activities = ConcurrentHashMap.newKeySet();
    private final Set<String> caliperEvents = ConcurrentHashMap.newKeySet();
    private final Set<Long> tickets = ConcurrentHashMap.newKeySet();
    private final Set<String> telemetryAssets = ConcurrentHashMap.newKeySet();
    /** How many writes of each kind were acknowledged, by the name of the method that makes them. */
    private final Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    /** The highest metrics_algo_version acknowledged for the one telemetry record updated again and again. */
    private final AtomicLong telemetryVersion = new AtomicLong(-1);

    private AcknowledgedWrites(String base, Writers writers) {
        this.base = base;
        this.writers = writers;
    }

    /** Creates the writers through the API of the Pulse at {@code base} and starts writing. */
    static AcknowledgedWrites start(String base) throws Exception {
        AcknowledgedWrites writes = new AcknowledgedWrites(base, setUp(new Api(new URL(base + "/"))));
        writes.begin();
        return writes;
    }

    private void begin() {
        Map<String, Write> kinds = Map.of("activity", this::activity, "grade2", this::grade2, "envelope", this::envelope,
                "newTelemetry", this::newTelemetry, "updatedTelemetry", this::updatedTelemetry, "ticket", this::ticket);
        kinds.keySet().forEach(kind -> acknowledged.put(kind, new AtomicLong()));
        List<String> writers = List.of("activity", "activity", "grade2", "grade2", "envelope", "newTelemetry",
                "updatedTelemetry", "ticket");
        writers.forEach(kind -> pool.submit(() -> loop(kind, kinds.get(kind))));
    }

    /**
     * Waits, under load, until every kind of write has been acknowledged at least {@code times} times:
     * on a slow or busy machine a fixed pause can end before the slowest kind got through.
     */
    void awaitEveryKind(long times, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (acknowledged.values().stream().anyMatch(count -> count.get() < times) && loading.get()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** Ends the load; every kind of write must have been acknowledged at least once, and none refused. */
    void stop() throws InterruptedException {
        loading.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the writers did not stop");
        System.out.printf("[crash] acknowledged: %d activities, %d Caliper events, %d tickets, "
                        + "%d new telemetry records, telemetry version %d%n",
                activities.size(), caliperEvents.size(), tickets.size(), telemetryAssets.size(), telemetryVersion.get());
        assertTrue(refused.isEmpty(), "a write was refused, so the test itself is wrong: " + refused);
        assertTrue(acknowledged.values().stream().allMatch(count -> count.get() > 0),
                "every kind of write must have been acknowledged before the kill: " + acknowledged);
    }

    /** Every acknowledged write is in this database, and the last acknowledged telemetry update is kept. */
    void assertStoredIn(Connection db) throws SQLException {
        Set<Long> storedActivities = longs(db, "select id from activity where id = any(?)", activities);
        Set<String> storedEvents = strings(db, "select event_id from caliper_event where event_id = any(?)", caliperEvents);
        Set<Long> storedTickets = longs(db, "select id from mentor_ticket where id = any(?)", tickets);
        Set<String> storedAssets = strings(db, "select asset_slug from assignment_telemetry where asset_slug = any(?)",
                telemetryAssets);
        long storedVersion = telemetryVersion(db, writers.updatedAsset());
        System.out.printf("[crash] found after restart: %d/%d activities, %d/%d Caliper events, %d/%d tickets, "
                        + "%d/%d new telemetry records, telemetry version %d (acknowledged %d)%n",
                storedActivities.size(), activities.size(), storedEvents.size(), caliperEvents.size(),
                storedTickets.size(), tickets.size(), storedAssets.size(), telemetryAssets.size(),
                storedVersion, telemetryVersion.get());
        assertEquals(activities, storedActivities, "acknowledged activities");
        assertEquals(caliperEvents, storedEvents, "acknowledged Caliper events");
        assertEquals(tickets, storedTickets, "acknowledged mentorship tickets");
        assertEquals(telemetryAssets, storedAssets, "acknowledged telemetry records");
        assertTrue(storedVersion >= telemetryVersion.get(), "the last acknowledged telemetry update is kept");
    }

    Writers writers() {
        return writers;
    }

    /** Who writes: a student in an academy, a coordinator for telemetry, a Caliper integrator, a Live user. */
    record Writers(Api.User student, long academy, Api.User staff, Api.Client client, String liveToken,
            String updatedAsset) {
    }

    private static Writers setUp(Api api) {
        long academy = api.newAcademy();
        Api.User student = api.newUser();
        Api.User staff = api.newUser();
        api.addToAcademy(academy, student.id(), "student");
        api.addToAcademy(academy, staff.id(), "academy_coordinator");
        Api.Client client = api.newClient();
        String liveToken = api.json()
                .body(Map.of("name", "Crash Test", "username", Api.unique("crash"), "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        return new Writers(student, academy, staff, client, liveToken, Api.unique("asset"));
    }

    private interface Write {
        /** Makes one write; true when Pulse acknowledged it. */
        boolean once() throws Exception;
    }

    /** Writes until the load ends; a request that fails because the service was killed is not acknowledged, so not counted. */
    private void loop(String kind, Write write) {
        while (loading.get()) {
            try {
                if (write.once()) {
                    acknowledged.get(kind).incrementAndGet();
                }
            } catch (Exception e) {
                sleepQuietly();
            }
        }
    }

    private boolean activity() throws Exception {
        JsonObject body = Json.createObjectBuilder().add("slug", "lesson_opened").add("data", "crash").build();
        JsonObject created = post(base + "/v1/activity/user/" + writers.student().id(), "Token " + writers.student().token(), body, Map.of());
        return created != null && activities.add(created.getJsonNumber("id").longValue());
    }

    private boolean grade2() throws Exception {
        JsonObject event = Api.grade2Event(writers.client().edapp());
        return post(base + "/analytics/grade2", writers.client().token(), event, Map.of()) != null
                && caliperEvents.add(event.getString("id"));
    }

    private boolean envelope() throws Exception {
        List<String> ids = new ArrayList<>();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < 5; i++) {
            JsonObject event = Api.grade2Event(writers.client().edapp());
            ids.add(event.getString("id"));
            data.add(event);
        }
        JsonObject envelope = Json.createObjectBuilder().add("sensor", "https://example.edu/sensors/crash")
                .add("sendTime", "2024-03-01T10:00:01.000Z").add("dataVersion", "http://purl.imsglobal.org/ctx/caliper/v1p2")
                .add("data", data).build();
        return post(base + "/analytics/caliper", writers.client().token(), envelope, Map.of()) != null
                && caliperEvents.addAll(ids);
    }

    private boolean newTelemetry() throws Exception {
        String asset = Api.unique("asset");
        JsonObject body = Json.createObjectBuilder().add("completion_rate", 40).build();
        return post(telemetryUrl(asset), "Token " + writers.staff().token(), body,
                Map.of("Academy", String.valueOf(writers.academy()))) != null && telemetryAssets.add(asset);
    }

    private long nextVersion = 0;

    private boolean updatedTelemetry() throws Exception {
        long version = nextVersion++;
        JsonObject body = Json.createObjectBuilder().add("metrics_algo_version", version).build();
        if (post(telemetryUrl(writers.updatedAsset()), "Token " + writers.staff().token(), body,
                Map.of("Academy", String.valueOf(writers.academy()))) == null) {
            return false;
        }
        telemetryVersion.set(version); // one thread, in order: each acknowledgement is the newest
        return true;
    }

    private boolean ticket() throws Exception {
        JsonObject body = Json.createObjectBuilder().add("description", "crash test").add("location", "Main gym")
                .add("contact", "555-0100").build();
        JsonObject created = post(base + "/live/mentorship/create", null, body,
                Map.of("X-MenloHacks-Authorization", writers.liveToken()));
        return created != null && tickets.add(Long.parseLong(created.getJsonObject("data").getString("id")));
    }

    private String telemetryUrl(String asset) {
        return base + "/v1/assignment/academy/asset/" + asset + "/user/" + writers.student().id() + "/telemetry";
    }

    /** The response body of a 2xx, else null; a 4xx is a broken test, not a crash: it stops the load and fails the test. */
    private JsonObject post(String url, String authorization, JsonObject body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Json.createReader(new StringReader(response.body())).readObject();
        }
        if (status >= 400 && status < 500) {
            refused.add(url + " answered " + status + ": " + response.body());
            loading.set(false);
        }
        return null;
    }

    private static Set<Long> longs(Connection db, String sql, Set<Long> ids) throws SQLException {
        Set<Long> found = ConcurrentHashMap.newKeySet();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getLong(1));
                }
            }
        }
        return found;
    }

    private static Set<String> strings(Connection db, String sql, Set<String> ids) throws SQLException {
        Set<String> found = ConcurrentHashMap.newKeySet();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        }
        return found;
    }

    private static long telemetryVersion(Connection db, String asset) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select metrics_algo_version from assignment_telemetry where asset_slug = ?")) {
            s.setString(1, asset);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? (long) r.getDouble(1) : -1;
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
