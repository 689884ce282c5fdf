package dev.pulse.live;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.AtOnce;
import dev.pulse.platform.testing.PulseServer;
import dev.pulse.platform.testing.SseClient;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live (MenloHacks Vivere) on the real WAR. The failsafe environment sets PULSE_TICKET_EXPIRY=PT6S,
 * points Pusher at a listener this class runs, and sets the SMS webhook secret.
 */
class LiveIT {

    static final String LIVE = "X-MenloHacks-Authorization";
    static final String PUSHER_APP = "4242";
    static final String PUSHER_KEY = "it-pusher-key";
    static final String PUSHER_SECRET = "it-pusher-secret";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** What the fake Pusher server received. */
    record PusherCall(String method, String path, String query, String body) {
    }

    static final List<PusherCall> PUSHER_CALLS = new CopyOnWriteArrayList<>();
    static HttpServer pusherServer;

    /** The one Pulse of this test run (the real WAR on Payara Micro, shared by every HTTP-level test). */
    final URL base = PulseServer.baseUrl();

    @BeforeAll
    static void startPusherListener() throws Exception {
        int port = Integer.parseInt(System.getProperty("pulse.it.pusher.port"));
        pusherServer = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        pusherServer.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            PUSHER_CALLS.add(new PusherCall(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), body));
            byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        pusherServer.start();
    }

    @AfterAll
    static void stopPusherListener() {
        if (pusherServer != null) {
            pusherServer.stop(0);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Api api() {
        return new Api(base);
    }

    private RequestSpecification live(String token) {
        return api().json().header(LIVE, token);
    }

    private RequestSpecification anonymous() {
        return api().json();
    }

    private String newLiveUser() {
        return anonymous().body(Map.of("name", "Mentor Person", "username", Api.unique("live"), "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
    }

    private String createTicket(String token, String description) {
        return live(token).body(Map.of("description", description, "location", "Main gym", "contact", "555-0100"))
                .post("/live/mentorship/create").then().statusCode(201).extract().path("data.id");
    }

    private List<String> openQueueIds() {
        return anonymous().get("/live/mentorship/queue").then().statusCode(200).extract().path("data.id");
    }

    private String newLocation(String name, int rank) {
        return api().request().header(LIVE, api().adminToken())
                .multiPart("name", name).multiPart("rank", String.valueOf(rank))
                .multiPart("image", "map.png", PNG, "image/png")
                .post("/live/locations").then().statusCode(201).extract().path("data.id");
    }

    private static boolean mentions(SseClient.Event event, String ticketId) {
        return event.data().toString().contains("\"id\":\"" + ticketId + "\"");
    }

    // ---------------------------------------------------------------- accounts

    @Test
    void jsonNestedDeeperThanTheParsersLimitIs400InTheLiveEnvelope() {
        String deep = "{\"username\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        anonymous().body(deep).post("/live/user/login").then().statusCode(400).body("success", equalTo(false))
                .body("error.message", containsString("Malformed JSON"));
    }

    @Test
    void liveAccountsAreCreatedAndSignInByUsername() {
        String username = Api.unique("jason");
        anonymous().body(Map.of("name", "Jason Scharff", "username", username, "password", "secret-pw"))
                .post("/live/user/create").then().statusCode(201)
                .body("success", equalTo(true)).body("data.token", notNullValue());
        String token = anonymous().body(Map.of("username", username, "password", "secret-pw"))
                .post("/live/user/login").then().statusCode(200)
                .body("success", equalTo(true)).body("data.name", equalTo("Jason Scharff"))
                .body("data.username", equalTo(username)).body("data.token", notNullValue())
                .extract().path("data.token");
        live(token).get("/live/mentorship/user/claimed").then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void aTakenUsernameIsA400InTheLiveErrorEnvelope() {
        String username = Api.unique("dup");
        Map<String, String> body = Map.of("name", "A", "username", username, "password", "pw-12345");
        anonymous().body(body).post("/live/user/create").then().statusCode(201);
        anonymous().body(body).post("/live/user/create").then().statusCode(400)
                .body("success", equalTo(false)).body("error.title", equalTo("Bad Request"))
                .body("error.message", containsString("username"));
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401() {
        String username = Api.unique("who");
        anonymous().body(Map.of("name", "A", "username", username, "password", "right-pw"))
                .post("/live/user/create").then().statusCode(201);
        String wrong = anonymous().body(Map.of("username", username, "password", "wrong-pw"))
                .post("/live/user/login").then().statusCode(401).body("success", equalTo(false))
                .extract().path("error.message");
        String unknown = anonymous().body(Map.of("username", Api.unique("nobody"), "password", "wrong-pw"))
                .post("/live/user/login").then().statusCode(401).extract().path("error.message");
        assertEquals(wrong, unknown);
    }

    @Test
    void repeatedWrongPasswordsAreThrottledLikeEveryPulseSignIn() {
        String username = Api.unique("guess");
        anonymous().body(Map.of("name", "A", "username", username, "password", "right-pw"))
                .post("/live/user/create").then().statusCode(201);
        for (int i = 0; i < 10; i++) {
            anonymous().body(Map.of("username", username, "password", "wrong-" + i))
                    .post("/live/user/login").then().statusCode(401);
        }
        anonymous().body(Map.of("username", username, "password", "right-pw"))
                .post("/live/user/login").then().statusCode(429).body("success", equalTo(false));
    }

    @Test
    void missingAccountParametersAreNamed() {
        anonymous().body(Map.of("username", "x")).post("/live/user/create").then().statusCode(400)
                .body("error.message", containsString("name")).body("error.message", containsString("password"));
        anonymous().body("{}").post("/live/user/login").then().statusCode(400)
                .body("error.message", containsString("username")).body("error.message", containsString("password"));
        anonymous().body("{not json").post("/live/user/login").then().statusCode(400).body("success", equalTo(false));
    }

    // ---------------------------------------------------------------- organiser endpoints, times

    @Test
    void organiserEndpointsNeedAPlatformAdministrator() {
        Map<String, String> times = Map.of("event_start_time", "2017-03-18T00:15:00Z", "event_end_time",
                "2017-03-19T02:00:00Z", "hacking_start_time", "2017-03-18T02:00:00Z", "hacking_end_time",
                "2017-03-19T00:00:00Z");
        anonymous().body(times).put("/live/times").then().statusCode(401).body("success", equalTo(false));
        live(newLiveUser()).body(times).put("/live/times").then().statusCode(403).body("error.title", equalTo("Forbidden"));
        live(newLiveUser()).body(Map.of("message", "hi")).post("/live/announcements").then().statusCode(403);
        // any header form carries the administrator's token
        api().as(api().adminToken()).body(times).put("/live/times").then().statusCode(200);
        live(api().adminToken()).body(times).put("/live/times").then().statusCode(200);
    }

    @Test
    void timesAreSetByOrganisersAndReadByAnyone() {
        live(api().adminToken()).body(Map.of("event_start_time", "2017-03-18T00:15:00", "event_end_time",
                        "2017-03-19T02:00:00Z", "hacking_start_time", "2017-03-18T02:00:00+00:00", "hacking_end_time",
                        "2017-03-19T00:00:00Z"))
                .put("/live/times").then().statusCode(200);
        anonymous().get("/live/times").then().statusCode(200).body("success", equalTo(true))
                .body("data.event_start_time", equalTo("2017-03-18T00:15:00"))
                .body("data.event_end_time", equalTo("2017-03-19T02:00:00"))
                .body("data.hacking_start_time", equalTo("2017-03-18T02:00:00"))
                .body("data.hacking_end_time", equalTo("2017-03-19T00:00:00"));
        live(api().adminToken()).body(Map.of("event_start_time", "tomorrow")).put("/live/times").then().statusCode(400)
                .body("error.message", containsString("event_start_time"))
                .body("error.message", containsString("hacking_end_time"));
    }

    // ---------------------------------------------------------------- maps and images

    @Test
    void behindATlsProxyMapUrlsAreHttps() {
        String id = newLocation("Courtyard", 1);
        String map = anonymous().header("X-Forwarded-Proto", "https").get("/live/maps").then().statusCode(200)
                .extract().path("data.find { it.id == '" + id + "' }.map");
        assertEquals(api().url("/live/location/image/" + id).replaceFirst("^http:", "https:"), map);
        String ignored = anonymous().header("X-Forwarded-Proto", "gopher").get("/live/maps").then().statusCode(200)
                .extract().path("data.find { it.id == '" + id + "' }.map");
        assertEquals(api().url("/live/location/image/" + id), ignored, "only http or https is taken from the proxy");
    }

    @Test
    void aHostHeaderThatNamesNoHostIsRefusedRatherThanPutInLinks() {
        anonymous().header("Host", "evil_host!:80").get("/live/maps").then().statusCode(400)
                .body("success", equalTo(false)).body("error.message", containsString("Host"));
    }

    @Test
    void mapsArePrimaryLocationsByRankWithAbsoluteImageUrls() {
        String second = newLocation("Upstairs", 2);
        String first = newLocation("Basement", 1);
        String hidden = newLocation("Storage", -1);
        Response maps = anonymous().get("/live/maps");
        maps.then().statusCode(200).body("success", equalTo(true));
        List<String> ids = maps.path("data.id");
        assertFalse(ids.contains(hidden), "a location with rank -1 is not a map");
        assertTrue(ids.indexOf(first) >= 0 && ids.indexOf(first) < ids.indexOf(second), "sorted by rank");
        List<Integer> ranks = maps.path("data.rank");
        List<Integer> sorted = new ArrayList<>(ranks);
        Collections.sort(sorted);
        assertEquals(sorted, ranks);
        String map = maps.path("data.find { it.id == '" + first + "' }.map");
        assertEquals(api().url("/live/location/image/" + first), map);
        assertTrue(map.startsWith(base.getProtocol() + "://"), "absolute from the request's base URL");
        assertEquals(true, maps.path("data.find { it.id == '" + first + "' }.is_primary"));

        Response image = api().request().get(map);
        image.then().statusCode(200).contentType("image/png");
        assertArrayEquals(PNG, image.asByteArray());
    }

    @Test
    void mapImagesMustBeSmallPngJpegSvgOrWebp() {
        String admin = api().adminToken();
        api().request().header(LIVE, admin).multiPart("name", "Bad").multiPart("image", "notes.txt",
                        "just text".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/live/locations").then().statusCode(415).body("success", equalTo(false));
        // claims to be PNG but is not
        api().request().header(LIVE, admin).multiPart("name", "Liar").multiPart("image", "x.png",
                        "GIF89a....".getBytes(StandardCharsets.UTF_8), "image/png")
                .post("/live/locations").then().statusCode(415);
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        api().request().header(LIVE, admin).multiPart("name", "Huge").multiPart("image", "huge.png", big, "image/png")
                .post("/live/locations").then().statusCode(413).body("error.title", equalTo("Payload Too Large"));
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>";
        String id = api().request().header(LIVE, admin).multiPart("name", "Vector").multiPart("rank", "5")
                .multiPart("image", "map.svg", svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                .post("/live/locations").then().statusCode(201).extract().path("data.id");
        anonymous().get("/live/location/image/" + id).then().statusCode(200).contentType(startsWith("image/svg+xml"));
        anonymous().get("/live/location/image/not-an-id").then().statusCode(404).body("success", equalTo(false));
        // missing name
        api().request().header(LIVE, admin).multiPart("rank", "1").post("/live/locations").then().statusCode(400)
                .body("error.message", containsString("name"));
    }

    // ---------------------------------------------------------------- events

    @Test
    void eventsAreChronologicalWithTheirLocation() {
        String admin = api().adminToken();
        String location = newLocation("Stage", 3);
        String later = live(admin).body(Map.of("short_description", "Closing", "long_description", "Bye",
                        "location", location, "start_time", "2031-02-16T18:00:00Z", "end_time", "2031-02-16T19:00:00Z"))
                .post("/live/events").then().statusCode(201).body("data.location.id", equalTo(location))
                .extract().path("data.id");
        String earlier = live(admin).body(Map.of("short_description", "Opening", "long_description", "Welcome",
                        "location", location, "start_time", "2031-02-16T16:00:00Z", "end_time", "2031-02-16T17:00:00Z"))
                .post("/live/events").then().statusCode(201).extract().path("data.id");
        Response events = anonymous().get("/live/events");
        events.then().statusCode(200).body("success", equalTo(true));
        List<String> ids = events.path("data.id");
        assertTrue(ids.indexOf(earlier) >= 0 && ids.indexOf(earlier) < ids.indexOf(later));
        List<String> starts = events.path("data.start_time");
        List<String> sorted = new ArrayList<>(starts);
        sorted.sort(java.util.Comparator.comparing(java.time.LocalDateTime::parse)); // UTC, written without a zone
        assertEquals(sorted, starts);
        events.then().body("data.find { it.id == '" + earlier + "' }.location.name", equalTo("Stage"))
                .body("data.find { it.id == '" + earlier + "' }.location.map", startsWith("http"));

        live(admin).body(Map.of("short_description", "Backwards", "location", location,
                        "start_time", "2031-02-16T18:00:00Z", "end_time", "2031-02-16T17:00:00Z"))
                .post("/live/events").then().statusCode(400).body("error.message", containsString("end_time"));
        live(admin).body(Map.of("short_description", "Nowhere", "location", "999999999",
                        "start_time", "2031-02-16T16:00:00Z", "end_time", "2031-02-16T17:00:00Z"))
                .post("/live/events").then().statusCode(400).body("error.message", containsString("location"));
        live(admin).body(Map.of("location", location)).post("/live/events").then().statusCode(400)
                .body("error.message", containsString("short_description"))
                .body("error.message", containsString("start_time"));
        live(admin).body(Map.of("short_description", "Renamed")).put("/live/events/" + earlier).then().statusCode(200)
                .body("data.short_description", equalTo("Renamed"))
                .body("data.start_time", equalTo("2031-02-16T16:00:00"));
        live(admin).body(Map.of("short_description", "x")).put("/live/events/abc").then().statusCode(404);
    }

    @Test
    void organisersChangeAndRemoveLocationsEventsAndAnnouncements() {
        String admin = api().adminToken();
        String location = newLocation("Old name", -1);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        api().request().header(LIVE, admin).multiPart("name", "Hall B").multiPart("rank", "7")
                .multiPart("image", "b.svg", svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                .put("/live/locations/" + location).then().statusCode(200)
                .body("data.name", equalTo("Hall B")).body("data.rank", equalTo(7)).body("data.is_primary", equalTo(true));
        anonymous().get("/live/location/image/" + location).then().statusCode(200).contentType(startsWith("image/svg+xml"));
        anonymous().get("/live/maps").then().body("data.id", hasItem(location));
        anonymous().get("/live/locations").then().statusCode(200).body("data.id", hasItem(location));

        String event = live(admin).body(Map.of("short_description", "Workshop", "location", location,
                        "start_time", "2031-02-17T10:00:00Z", "end_time", "2031-02-17T11:00:00Z"))
                .post("/live/events").then().statusCode(201).extract().path("data.id");
        live(admin).delete("/live/locations/" + location).then().statusCode(409).body("success", equalTo(false));
        live(admin).delete("/live/events/" + event).then().statusCode(200);
        anonymous().get("/live/events").then().body("data.id", not(hasItem(event)));
        live(admin).delete("/live/locations/" + location).then().statusCode(200);
        anonymous().get("/live/location/image/" + location).then().statusCode(404);
        live(admin).delete("/live/locations/" + location).then().statusCode(404);

        String announcement = live(admin).body(Map.of("message", "Typo")).post("/live/announcements")
                .then().statusCode(201).extract().path("data.id");
        live(admin).body(Map.of("message", "Fixed")).put("/live/announcements/" + announcement).then().statusCode(200)
                .body("data.message", equalTo("Fixed"));
        live(admin).delete("/live/announcements/" + announcement).then().statusCode(200);
        anonymous().get("/live/announcements").then().body("data.id", not(hasItem(announcement)));
        live(newLiveUser()).delete("/live/events/1").then().statusCode(403);
    }

    @Test
    void liveOperationsAreDocumentedInOpenApi() {
        api().request().accept(ContentType.JSON).get("/openapi").then().statusCode(200)
                .body("paths.'/live/mentorship/claim'.post", notNullValue())
                .body("paths.'/live/stream'.get", notNullValue());
    }

    // ---------------------------------------------------------------- announcements

    @Test
    void announcementsSinceADateNewestFirstAndNeverFromTheFuture() {
        String admin = api().adminToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String older = live(admin).body(Map.of("message", "Lunch is served", "time", now.minusSeconds(120).toString()))
                .post("/live/announcements").then().statusCode(201).extract().path("data.id");
        String newer = live(admin).body(Map.of("message", "Judging starts"))
                .post("/live/announcements").then().statusCode(201).extract().path("data.id");
        String future = live(admin).body(Map.of("message", "Tomorrow", "time", now.plusSeconds(86_400).toString()))
                .post("/live/announcements").then().statusCode(201).extract().path("data.id");

        List<String> all = anonymous().get("/live/announcements").then().statusCode(200)
                .body("success", equalTo(true)).extract().path("data.id");
        assertTrue(all.indexOf(newer) >= 0 && all.indexOf(newer) < all.indexOf(older), "newest first");
        assertFalse(all.contains(future));
        List<String> recent = anonymous().queryParam("since_date", now.minusSeconds(60).toString())
                .get("/live/announcements").then().statusCode(200).extract().path("data.id");
        assertTrue(recent.contains(newer));
        assertFalse(recent.contains(older));
        anonymous().queryParam("since_date", "yesterday-ish").get("/live/announcements").then().statusCode(400)
                .body("error.message", containsString("since_date"));
        live(admin).body(Map.of("message", "")).post("/live/announcements").then().statusCode(400)
                .body("error.message", containsString("message"));
        live(admin).body(Map.of("message", "x".repeat(1001))).post("/live/announcements").then().statusCode(400);
    }

    @Test
    void theWebhookSecretInTheUrlIsNotAccepted() {
        api().request().contentType(ContentType.TEXT).queryParam("secret", "it-sms-secret").body("Hacking ends soon")
                .post("/live/announcements/sms").then().statusCode(401).body("success", equalTo(false));
        api().request().contentType(ContentType.URLENC).queryParam("secret", "it-sms-secret")
                .formParam("Body", "Pizza in the cafeteria").post("/live/announcements/sms").then().statusCode(401);
    }

    @Test
    void organisersTextAnnouncementsInThroughTheSecretWebhook() {
        api().request().contentType(ContentType.TEXT).header("X-Pulse-Webhook-Secret", "wrong").body("Hacking ends soon")
                .post("/live/announcements/sms").then().statusCode(401).body("success", equalTo(false));
        api().request().contentType(ContentType.TEXT).body("Hacking ends soon")
                .post("/live/announcements/sms").then().statusCode(401);
        String id = api().request().contentType(ContentType.TEXT).header("X-Pulse-Webhook-Secret", "it-sms-secret")
                .body("Hacking ends in 1 hour").post("/live/announcements/sms").then().statusCode(201)
                .body("data.message", equalTo("Hacking ends in 1 hour")).extract().path("data.id");
        String twilio = api().request().contentType(ContentType.URLENC).header("X-Pulse-Webhook-Secret", "it-sms-secret")
                .formParam("Body", "Pizza in the cafeteria").formParam("From", "+15550100")
                .post("/live/announcements/sms").then().statusCode(201).extract().path("data.id");
        List<String> listed = anonymous().get("/live/announcements").then().statusCode(200).extract().path("data.id");
        assertTrue(listed.contains(id) && listed.contains(twilio));
    }

    // ---------------------------------------------------------------- what the MenloHacks app reads

    /** The one time form the MenloHacks app parses: UTC, no zone, no fraction. */
    private static final Pattern APP_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    @Test
    void everyTimeIsWrittenAsTheAppParsesIt() {
        String admin = api().adminToken();
        live(admin).body(Map.of("event_start_time", "2017-03-18T00:15:00.250+00:00", "event_end_time", "2017-03-19T02:00:00Z",
                "hacking_start_time", "2017-03-18T02:00:00", "hacking_end_time", "2017-03-19T00:00:00.999Z"))
                .put("/live/times").then().statusCode(200);
        Response times = anonymous().get("/live/times");
        times.then().statusCode(200).body("data.event_start_time", equalTo("2017-03-18T00:15:00"));
        String location = newLocation("Atrium", 3);
        String event = live(admin).body(Map.of("short_description", "Dinner", "long_description", "Pizza", "location", location,
                        "start_time", "2031-02-16T18:00:00.5Z", "end_time", "2031-02-16T20:00:00+01:00"))
                .post("/live/events").then().statusCode(201).extract().path("data.id");
        String announcement = live(admin).body(Map.of("message", "Doors open")).post("/live/announcements").then()
                .statusCode(201).extract().path("data.id");
        String ticket = createTicket(newLiveUser(), "times check");

        List<String> written = new ArrayList<>();
        for (String field : List.of("event_start_time", "event_end_time", "hacking_start_time", "hacking_end_time")) {
            written.add(times.path("data." + field));
        }
        Response events = anonymous().get("/live/events");
        written.add(events.path("data.find { it.id == '" + event + "' }.start_time"));
        written.add(events.path("data.find { it.id == '" + event + "' }.end_time"));
        written.add(anonymous().get("/live/announcements").path("data.find { it.id == '" + announcement + "' }.time"));
        written.add(anonymous().get("/live/mentorship/queue").path("data.find { it.id == '" + ticket + "' }.time_created"));
        assertEquals("2031-02-16T18:00:00", written.get(4));
        assertEquals("2031-02-16T19:00:00", written.get(5), "an offset is converted to UTC");
        for (String time : written) {
            assertTrue(time != null && APP_TIME.matcher(time).matches(), "not the app's form: " + written);
        }
    }

    @Test
    void publicLiveEndpointsIgnoreATokenThatNoLongerHolds() {
        for (String garbage : List.of("garbage", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")) {
            for (String path : List.of("/live/times", "/live/maps", "/live/locations", "/live/events", "/live/announcements",
                    "/live/mentorship/queue")) {
                live(garbage).get(path).then().statusCode(200).body("success", equalTo(true));
            }
            live(garbage).get("/live/mentorship/user/queue").then().statusCode(401)
                    .body("error.message", equalTo("Invalid or expired token."));
            live(garbage).body(Map.of("description", "d", "location", "l", "contact", "c"))
                    .post("/live/mentorship/create").then().statusCode(401);
        }
    }

    @Test
    void onlyPrimaryLocationsCarryARank() {
        String primary = newLocation("Main hall", 4);
        String secondary = newLocation("Cloakroom", -1);
        Response all = anonymous().get("/live/locations");
        all.then().statusCode(200);
        assertEquals(4, (Integer) all.path("data.find { it.id == '" + primary + "' }.rank"));
        assertEquals(false, all.path("data.find { it.id == '" + secondary + "' }.containsKey('rank')"));
        assertEquals(false, all.path("data.find { it.id == '" + secondary + "' }.is_primary"));
    }

    // ---------------------------------------------------------------- mentorship

    @Test
    void aTicketIsCreatedClaimedReopenedAndClosed() {
        String mentee = newLiveUser();
        String mentor = newLiveUser();
        String stranger = newLiveUser();
        String id = createTicket(mentee, "Django admin site isn't loading CSS");
        live(mentee).get("/live/mentorship/user/queue").then().statusCode(200)
                .body("data.tickets.open.find { it.id == '" + id + "' }.is_mine", equalTo(true));
        assertTrue(openQueueIds().contains(id));

        live(mentor).body(Map.of("id", id)).post("/live/mentorship/claim").then().statusCode(200)
                .body("data.claimed", equalTo(true)).body("data.claimed_by_me", equalTo(true))
                .body("data.is_mine", equalTo(false)).body("data.expired", equalTo(false));
        assertFalse(openQueueIds().contains(id));
        live(mentor).get("/live/mentorship/user/claimed").then().statusCode(200).body("data.id", hasItem(id));
        live(stranger).body(Map.of("id", id)).post("/live/mentorship/claim").then().statusCode(409)
                .body("error.title", equalTo("Conflict"));

        live(stranger).body(Map.of("id", id)).post("/live/mentorship/reopen").then().statusCode(403);
        live(stranger).body(Map.of("id", id)).post("/live/mentorship/close").then().statusCode(403);
        live(mentee).body(Map.of("id", id)).post("/live/mentorship/reopen").then().statusCode(200)
                .body("data.claimed", equalTo(false)).body("data.time_complete", nullValue());
        // as Vivere answers: reopening an open ticket is forbidden
        live(mentee).body(Map.of("id", id)).post("/live/mentorship/reopen").then().statusCode(403)
                .body("error.message", containsString("open"));
        live(mentor).get("/live/mentorship/user/claimed").then().statusCode(200).body("data.id", not(hasItem(id)));

        live(mentor).body(Map.of("id", id)).post("/live/mentorship/claim").then().statusCode(200);
        live(mentor).body(Map.of("id", id)).post("/live/mentorship/close").then().statusCode(200)
                .body("data.time_complete", notNullValue());
        live(mentor).get("/live/mentorship/user/claimed").then().statusCode(200).body("data.id", not(hasItem(id)));
        live(stranger).body(Map.of("id", id)).post("/live/mentorship/claim").then().statusCode(409);
        // the mentor can reopen what they closed
        live(mentor).body(Map.of("id", id)).post("/live/mentorship/reopen").then().statusCode(200);
        String closedAt = live(mentee).body(Map.of("id", id)).post("/live/mentorship/close").then().statusCode(200)
                .extract().path("data.time_complete");
        // closing a closed ticket succeeds again and changes nothing
        live(mentee).body(Map.of("id", id)).post("/live/mentorship/close").then().statusCode(200)
                .body("success", equalTo(true)).body("data.time_complete", equalTo(closedAt));
    }

    @Test
    void badMentorshipInputIs400Or404NeverA500() {
        String user = newLiveUser();
        live(user).body(Map.of("description", " ", "contact", "x".repeat(201)))
                .post("/live/mentorship/create").then().statusCode(400)
                .body("error.message", containsString("description"))
                .body("error.message", containsString("location"))
                .body("error.message", containsString("contact"));
        anonymous().body(Map.of("description", "d", "location", "l", "contact", "c"))
                .post("/live/mentorship/create").then().statusCode(401).body("success", equalTo(false));
        anonymous().get("/live/mentorship/user/queue").then().statusCode(401);
        live(user).body(Map.of("id", "999999999")).post("/live/mentorship/claim").then().statusCode(404);
        live(user).body(Map.of("id", "58b2357f7a2f2e2e723e130e")).post("/live/mentorship/claim").then().statusCode(404);
        live(user).body(Map.of("id", "not-an-id")).post("/live/mentorship/close").then().statusCode(404);
        live(user).body("{}").post("/live/mentorship/reopen").then().statusCode(400)
                .body("error.message", containsString("id"));
        live(user).body("[1,2]").post("/live/mentorship/claim").then().statusCode(400);
        live(user).body("{\"id\": {\"$gt\": 1}}").post("/live/mentorship/claim").then().statusCode(400);
    }

    @Test
    void aReopenedTicketKeepsItsPlaceInTheQueue() {
        String mentee = newLiveUser();
        String mentor = newLiveUser();
        String first = createTicket(mentee, "first");
        String second = createTicket(mentee, "second");
        live(mentor).body(Map.of("id", first)).post("/live/mentorship/claim").then().statusCode(200);
        List<String> queue = openQueueIds();
        assertFalse(queue.contains(first));
        live(mentor).body(Map.of("id", first)).post("/live/mentorship/reopen").then().statusCode(200);
        queue = openQueueIds();
        assertTrue(queue.indexOf(first) >= 0 && queue.indexOf(first) < queue.indexOf(second),
                "the reopened ticket is ahead of the younger one: " + queue);
    }

    @Test
    void ofManySimultaneousClaimsExactlyOneWins() throws Exception {
        String mentee = newLiveUser();
        List<String> mentors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mentors.add(newLiveUser());
        }
        String id = createTicket(mentee, "race");
        int claims = 24;
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            String token = mentors.get(i % mentors.size());
            requests.add(() -> live(token).body(Map.of("id", id)).post("/live/mentorship/claim").statusCode());
        }
        List<Integer> statuses = AtOnce.run(requests);
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one winner: " + statuses);
        assertEquals(claims - 1, statuses.stream().filter(s -> s == 409).count(), "the rest conflict: " + statuses);
    }

    @Test
    void ofManySimultaneousClaimsByOneUserExactlyTwoWin() throws Exception {
        String mentor = newLiveUser();
        // accounts first (hashing their passwords is slow), then the tickets in one go: they expire
        // PULSE_TICKET_EXPIRY (6 s in the test server) after opening
        List<String> mentees = List.of(newLiveUser(), newLiveUser());
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tickets.add(createTicket(mentees.get(i % 2), "help " + i));
        }
        List<Integer> statuses = AtOnce.run(tickets.stream().<Callable<Integer>>map(id ->
                () -> live(mentor).body(Map.of("id", id)).post("/live/mentorship/claim").statusCode()).toList());
        assertEquals(2, statuses.stream().filter(s -> s == 200).count(), "two claims held at most: " + statuses);
        assertEquals(6, statuses.stream().filter(s -> s == 409).count(), "the rest conflict: " + statuses);

        List<String> held = live(mentor).get("/live/mentorship/user/claimed").then().statusCode(200)
                .extract().path("data.id");
        assertEquals(2, held.size(), "held: " + held);
        // the newest waiting ticket, the furthest from its expiry
        List<String> newestFirst = new ArrayList<>(tickets);
        Collections.reverse(newestFirst);
        String waiting = newestFirst.stream().filter(t -> !held.contains(t)).findFirst().orElseThrow();
        live(mentor).body(Map.of("id", waiting)).post("/live/mentorship/claim").then().statusCode(409)
                .body("success", equalTo(false)).body("error.title", equalTo("Conflict"))
                .body("error.message", containsString("close one"));
        // closing one frees a claim
        live(mentor).body(Map.of("id", held.get(0))).post("/live/mentorship/close").then().statusCode(200);
        live(mentor).body(Map.of("id", waiting)).post("/live/mentorship/claim").then().statusCode(200);
    }

    @Test
    void aUserHasAtMostFiveOpenTickets() throws Exception {
        String mentee = newLiveUser();
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String description = "question " + i;
            requests.add(() -> live(mentee)
                    .body(Map.of("description", description, "location", "Main gym", "contact", "555"))
                    .post("/live/mentorship/create").statusCode());
        }
        List<Integer> statuses = AtOnce.run(requests);
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), "five open at most: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), "the rest conflict: " + statuses);

        List<String> open = live(mentee).get("/live/mentorship/user/queue").then().statusCode(200)
                .extract().path("data.tickets.open.id");
        assertEquals(5, open.size());
        // a closed ticket frees a place; reopening it while five are open again is refused
        live(mentee).body(Map.of("id", open.get(0))).post("/live/mentorship/close").then().statusCode(200);
        createTicket(mentee, "one more");
        live(mentee).body(Map.of("id", open.get(0))).post("/live/mentorship/reopen").then().statusCode(409)
                .body("error.title", equalTo("Conflict"));
    }

    @Test
    void theQueueIsPagedWhenALimitIsAskedAndWholeOtherwise() {
        // the accounts first (a sign-up hashes a password), so that the tickets are made in a moment
        List<String> owners = List.of(newLiveUser(), newLiveUser(), newLiveUser());
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            mine.add(createTicket(owners.get(i), "paged " + i));
        }
        List<String> whole = openQueueIds();
        // the whole queue holds each open ticket; the expiry is 6 s here, and on a loaded machine a ticket
        // may reach it before the queue is read: then its owner sees it expired
        for (int i = 0; i < mine.size(); i++) {
            if (!whole.contains(mine.get(i))) {
                List<String> expired = live(owners.get(i)).get("/live/mentorship/user/queue").then().statusCode(200)
                        .extract().path("data.tickets.expired.id");
                assertTrue(expired.contains(mine.get(i)), mine.get(i) + " is neither in the queue " + whole + " nor expired");
            }
        }
        anonymous().get("/live/mentorship/queue").then().body("$", not(hasKey("next_cursor")));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = anonymous().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/live/mentorship/queue").then().statusCode(200).body("success", equalTo(true))
                    .body("data.size()", lessThanOrEqualTo(2)).extract();
            paged.addAll(page.path("data.id"));
            cursor = page.path("next_cursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        // tickets may expire or be claimed meanwhile (the expiry is 6 s here, and a loaded machine can take
        // that long to page): those of these three that were paged come in queue order, and any not paged
        // has left the queue
        assertEquals(mine.stream().filter(paged::contains).toList(), paged.stream().filter(mine::contains).toList(),
                "pages in queue order: " + paged);
        List<String> openNow = openQueueIds();
        mine.stream().filter(t -> !paged.contains(t))
                .forEach(t -> assertFalse(openNow.contains(t), t + " is still open but was not paged: " + paged));
        assertEquals(paged.size(), new java.util.HashSet<>(paged).size(), "no ticket twice");

        anonymous().queryParam("limit", 0).get("/live/mentorship/queue").then().statusCode(400)
                .body("success", equalTo(false)).body("error.message", containsString("limit"));
        anonymous().queryParam("cursor", "nonsense").get("/live/mentorship/queue").then().statusCode(400)
                .body("error.message", containsString("cursor"));
    }

    @Test
    void organisersMarkAndUnmarkMentorsByUsername() {
        String username = Api.unique("mentor");
        String token = anonymous().body(Map.of("name", "Mentor", "username", username, "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        String admin = api().adminToken();
        live(admin).put("/live/mentorship/mentors/" + username).then().statusCode(200)
                .body("data.username", equalTo(username)).body("data.mentor", equalTo(true));
        live(admin).put("/live/mentorship/mentors/" + username).then().statusCode(200); // marking twice is harmless
        live(admin).delete("/live/mentorship/mentors/" + username).then().statusCode(200)
                .body("data.mentor", equalTo(false));
        live(token).put("/live/mentorship/mentors/" + username).then().statusCode(403).body("success", equalTo(false));
        anonymous().put("/live/mentorship/mentors/" + username).then().statusCode(401);
        live(admin).put("/live/mentorship/mentors/" + Api.unique("nobody")).then().statusCode(404)
                .body("success", equalTo(false));
        // mentors-only mode is off by default: an unmarked account still claims
        String ticket = createTicket(newLiveUser(), "anyone may help");
        live(token).body(Map.of("id", ticket)).post("/live/mentorship/claim").then().statusCode(200);
    }

    @Test
    void ticketsExpireIntoTheExpiredBucketAndSseAnnouncesSaveAndExpire() throws Exception {
        String mentee = newLiveUser();
        String mentor = newLiveUser();
        try (SseClient sse = new SseClient(base, null)) {
            String expiring = createTicket(mentee, "will expire");
            SseClient.Event saved = sse.await(e -> "save".equals(e.name()) && mentions(e, expiring), 20);
            assertEquals("com.vivere.mentorchannel", saved.data().getString("channel"));
            assertFalse(saved.data().getJsonObject("data").getBoolean("is_mine"), "no per-user flags in broadcasts");
            assertNotNull(saved.id());

            // PULSE_TICKET_EXPIRY is 6 s in the tests: the timer marks it expired and publishes "expire"
            SseClient.Event expired = sse.await(e -> "expire".equals(e.name()) && mentions(e, expiring), 30);
            assertEquals(true, expired.data().getJsonArray("data").getJsonObject(0).getBoolean("expired"));
            assertFalse(openQueueIds().contains(expiring));
            live(mentor).body(Map.of("id", expiring)).post("/live/mentorship/claim").then().statusCode(409);

            // a notification committed by another instance of a cluster reaches this stream through the log
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                    + System.getProperty("pulse.it.db.port") + "/postgres", "postgres", "postgres");
                    PreparedStatement insert = db.prepareStatement("insert into live_notification "
                            + "(name, channel, payload, created_at) values ('save', 'com.vivere.event', ?, now())")) {
                insert.setString(1, "{\"id\":\"from-another-instance\"}");
                insert.executeUpdate();
            }
            sse.await(e -> mentions(e, "from-another-instance"), 10);

            // a client reconnecting with Last-Event-ID gets what it missed
            long before = Long.parseLong(saved.id()) - 1;
            try (SseClient again = new SseClient(base, String.valueOf(before))) {
                SseClient.Event replayed = again.await(e -> saved.id().equals(e.id()), 10);
                assertEquals("save", replayed.name());
            }

            String open = createTicket(mentee, "stays open");
            String inProgress = createTicket(mentee, "being helped");
            String closed = createTicket(mentee, "done");
            live(mentor).body(Map.of("id", inProgress)).post("/live/mentorship/claim").then().statusCode(200);
            live(mentee).body(Map.of("id", closed)).post("/live/mentorship/close").then().statusCode(200);
            Response buckets = live(mentee).get("/live/mentorship/user/queue");
            buckets.then().statusCode(200)
                    .body("data.categories", contains("open", "in_progress", "expired", "closed"))
                    .body("data.tickets.open.id", contains(open))
                    .body("data.tickets.in_progress.id", contains(inProgress))
                    .body("data.tickets.expired.id", contains(expiring))
                    .body("data.tickets.closed.id", contains(closed))
                    .body("data.tickets.expired[0].expired", equalTo(true));

            // the expired ticket can be reopened by its creator and is open again
            live(mentee).body(Map.of("id", expiring)).post("/live/mentorship/reopen").then().statusCode(200)
                    .body("data.expired", equalTo(false));
            assertTrue(openQueueIds().contains(expiring));
        }
    }

    // ---------------------------------------------------------------- Pusher

    @Test
    void pusherReceivesSignedNotificationsOnTheSeedsChannels() throws Exception {
        String admin = api().adminToken();
        String message = "Pusher check " + Api.unique("m");
        live(admin).body(Map.of("message", message)).post("/live/announcements").then().statusCode(201);
        String ticket = createTicket(newLiveUser(), "pusher ticket");

        PusherCall announcement = awaitPusher(c -> c.body().contains(message));
        PusherCall mentorship = awaitPusher(c -> c.body().contains("com.vivere.mentorchannel")
                && c.body().contains("\\\"id\\\":\\\"" + ticket + "\\\""));
        for (PusherCall call : List.of(announcement, mentorship)) {
            assertEquals("POST", call.method());
            assertEquals("/apps/" + PUSHER_APP + "/events", call.path());
            assertValidSignature(call);
        }
        JsonObject body = Json.createReader(new StringReader(announcement.body())).readObject();
        assertEquals("save", body.getString("name"));
        assertEquals("com.vivere.announcement", body.getJsonArray("channels").getString(0));
        JsonObject data = Json.createReader(new StringReader(body.getString("data"))).readObject();
        assertEquals(message, data.getString("message"));
        assertTrue(APP_TIME.matcher(data.getString("time")).matches(), data.toString());
        JsonObject mentorBody = Json.createReader(new StringReader(mentorship.body())).readObject();
        assertEquals("com.vivere.mentorchannel", mentorBody.getJsonArray("channels").getString(0));
    }

    private static PusherCall awaitPusher(Predicate<PusherCall> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (PusherCall call : PUSHER_CALLS) {
                if (wanted.test(call)) {
                    return call;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching Pusher request; got " + PUSHER_CALLS);
    }

    /** Pusher's documented signing: HMAC-SHA256 over "POST\n<path>\n<sorted query without auth_signature>". */
    private static void assertValidSignature(PusherCall call) throws Exception {
        Map<String, String> params = new TreeMap<>();
        for (String pair : call.query().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String signature = params.remove("auth_signature");
        assertEquals(PUSHER_KEY, params.get("auth_key"));
        assertEquals("1.0", params.get("auth_version"));
        assertTrue(Math.abs(Long.parseLong(params.get("auth_timestamp")) - Instant.now().getEpochSecond()) < 600);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(call.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(md5, params.get("body_md5"));
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(v));
        String toSign = "POST\n" + call.path() + "\n" + query;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PUSHER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, signature, "auth_signature over: " + toSign);
    }
}
