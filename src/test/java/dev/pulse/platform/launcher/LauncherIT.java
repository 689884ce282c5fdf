package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pulse.platform.testing.Api;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's way of running Pulse, for real, through what a production host goes through: the
 * launcher starts embedded PostgreSQL and Payara Micro. A 2xx means the write is on disk, so after
 * SIGKILL of every process under concurrent writes of every kind, a second start on the same data
 * directory finds every acknowledged write and accepts the first run's tokens. On that second run
 * a frozen (SIGSTOP) and then a stopped database are a 503 in each family's envelope within
 * seconds, and Pulse serves again by itself once the database is back. SIGTERM stops Payara first,
 * then PostgreSQL. The tests run in order on two launcher runs, which pay for all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    /** Every kind of write acknowledged this often before the kill, waiting at most LOAD_AT_MOST. */
    private static final long ACKNOWLEDGED_OF_EACH_KIND = 10;
    private static final Duration LOAD_AT_MOST = Duration.ofSeconds(90);
    private static final Duration POSTGRES_STOPS_WITHIN = Duration.ofSeconds(30);

    private final String base = "http://localhost:" + LaunchedPulse.httpPort();
    private Path postgresData;
    private LaunchedPulse second;
    private FamilyProbes probes;
    private Process restartedPostgres;

    @Test
    @Order(1)
    void everyAcknowledgedWriteSurvivesSigkillOfEveryProcess() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "launcher-data-");
        postgresData = dataDir.resolve("postgres");

        LaunchedPulse first = LaunchedPulse.start(dataDir, "first");
        AcknowledgedWrites writes;
        try {
            writes = AcknowledgedWrites.start(base);
        } catch (Exception | AssertionError e) {
            first.stop();
            throw e;
        }
        writes.awaitEveryKind(ACKNOWLEDGED_OF_EACH_KIND, LOAD_AT_MOST);
        int killed = first.killEverything();
        System.out.printf("[crash] killed %d processes%n", killed);
        writes.stop();
        assertTrue(PostgresProcesses.of(postgresData).isEmpty(), "PostgreSQL survived SIGKILL");

        second = LaunchedPulse.start(dataDir, "second");
        try (Connection db = DriverManager.getConnection(second.databaseUrl(), EmbeddedDatabase.USER,
                second.databasePassword())) {
            writes.assertStoredIn(db);
        }
        AcknowledgedWrites.Writers writers = writes.writers();
        Api api = new Api(new URL(base + "/"));
        assertEquals(writers.student().email(), api.as(api.login(writers.student().email(), "password-123"))
                .get("/v1/auth/me").then().statusCode(200).extract().path("email"));
        api.as(writers.student().token()).get("/v1/auth/me").then().statusCode(200);
        probes = new FamilyProbes(base, writers.student(), writers.client(), writers.liveToken());
    }

    @Test
    @Order(2)
    void aFrozenDatabaseIsA503InEveryFamilyUntilItThaws() throws Exception {
        assumeTrue(probes != null, "needs the restarted Pulse of the first test");
        probes.assertServing("before the freeze");
        PostgresProcesses.signal(postgresData, "STOP");
        try {
            probes.assertUnavailable("frozen");
        } finally {
            PostgresProcesses.signal(postgresData, "CONT");
        }
        probes.awaitRecovery("thawed");
    }

    @Test
    @Order(3)
    void aStoppedDatabaseIsA503InEveryFamilyUntilItIsStartedAgain() throws Exception {
        assumeTrue(probes != null, "needs the restarted Pulse of the first test");
        probes.assertServing("before the stop");
        PostgresProcesses.StoppedPostmaster stopped = PostgresProcesses.stopFast(postgresData, POSTGRES_STOPS_WITHIN);
        probes.assertUnavailable("stopped");
        restartedPostgres = stopped.start(Path.of("target", "launcher-postgres-restarted.log"));
        probes.awaitRecovery("restarted");
    }

    @Test
    @Order(4)
    void sigtermStopsPayaraThenPostgresqlAndLeavesNothingRunning() throws Exception {
        assumeTrue(second != null, "needs the second launcher run");
        List<String> leftOver = stopSecondRun();
        assertStoppedInOrder(second);
        assertTrue(leftOver.isEmpty(), "still running after the launcher stopped: " + leftOver);
    }

    @AfterAll
    void stopWhatIsLeft() throws Exception {
        RestAssured.reset();
        if (second != null && second.process.isAlive()) {
            stopSecondRun();
        }
    }

    /** SIGTERM: the launcher's PostgreSQL shutdown must also stop one restarted behind its back. */
    private List<String> stopSecondRun() throws InterruptedException {
        List<String> leftOver = new ArrayList<>();
        try {
            second.stop();
        } finally {
            if (restartedPostgres != null && !restartedPostgres.waitFor(POSTGRES_STOPS_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                leftOver.add("the restarted postmaster " + restartedPostgres.pid());
                restartedPostgres.destroyForcibly();
            }
            PostgresProcesses.of(postgresData).ifPresent(all -> {
                leftOver.add("PostgreSQL processes " + all.stream().map(ProcessHandle::pid).toList());
                all.forEach(ProcessHandle::destroyForcibly);
            });
        }
        return leftOver;
    }

    private static void assertStoppedInOrder(LaunchedPulse run) {
        List<String> lines = run.output;
        int payara = run.indexOf("[pulse] stopping Payara Micro");
        int postgres = run.indexOf("[pulse] stopping PostgreSQL");
        assertTrue(payara >= 0 && postgres > payara, "Payara must stop before PostgreSQL (exit "
                + run.process.exitValue() + "): " + lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        assertFalse(accepts(run.postgresPort), "PostgreSQL is still listening after the launcher stopped");
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
