package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's way of running Pulse, for real: the launcher starts embedded PostgreSQL and Payara
 * Micro, stops them in that reverse order on SIGTERM, and a second start on the same data
 * directory sees the first run's accounts and accepts its tokens.
 */
class LauncherIT {

    private static final Pattern PG_PORT = Pattern.compile("embedded PostgreSQL on port (\\d+)");

    @Test
    void aRestartOnTheSameDataDirectoryKeepsDataAndTokens() throws Exception {
        int port = Integer.parseInt(System.getProperty("pulse.it.launcher.port"));
        Path dataDir = Files.createTempDirectory(Path.of("target"), "launcher-data-");
        URL base = new URL("http://localhost:" + port + "/");

        Running first = Running.start(port, dataDir, "first");
        Api api = new Api(base);
        Api.User user = api.newUser();
        first.stop();
        assertStoppedInOrder(first);

        Running second = Running.start(port, dataDir, "second");
        try {
            Api again = new Api(base);
            assertEquals(user.email(), again.as(again.login(user.email(), "password-123"))
                    .get("/v1/auth/me").then().statusCode(200).extract().path("email"));
            again.as(user.token()).get("/v1/auth/me").then().statusCode(200);
        } finally {
            second.stop();
        }
        assertStoppedInOrder(second);
    }

    private static void assertStoppedInOrder(Running run) {
        List<String> lines = run.output;
        int payara = indexOf(lines, "[pulse] stopping Payara Micro");
        int postgres = indexOf(lines, "[pulse] stopping PostgreSQL");
        assertTrue(payara >= 0 && postgres > payara, "Payara must stop before PostgreSQL (exit "
                + run.process.exitValue() + "): " + lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        assertFalse(accepts(run.postgresPort), "PostgreSQL is still listening after the launcher stopped");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One launcher process, its output kept for assertions and written to target/launcher-NAME.log. */
    private static final class Running {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        Thread pump;
        int postgresPort;

        private Running(Process process) {
            this.process = process;
        }

        static Running start(int port, Path dataDir, String name) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dpulse.war=" + System.getProperty("pulse.war"),
                    "-Dpulse.microJar=" + System.getProperty("payara.microJar"),
                    PulseLauncher.class.getName())
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.remove("PULSE_DB_URL");
            env.remove("PULSE_DB_USER");
            env.remove("PULSE_DB_PASSWORD");
            env.put("PULSE_PORT", Integer.toString(port));
            env.put("PULSE_DATA_DIR", dataDir.toAbsolutePath().toString());
            env.put("PULSE_HEAP", "768m");
            // a build machine shared with other builds can take longer than the default five minutes
            env.put("PULSE_READY_TIMEOUT", "PT10M");
            Running run = new Running(builder.start());
            Path log = Path.of("target", "launcher-" + name + ".log");
            run.pump = new Thread(() -> run.pump(log), "launcher-output-" + name);
            run.pump.setDaemon(true);
            run.pump.start();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(11));
            while (Instant.now().isBefore(deadline)) {
                if (run.output.stream().anyMatch(l -> l.contains("[pulse] Pulse is ready at"))) {
                    RestAssured.reset();
                    return run;
                }
                if (!run.process.isAlive()) {
                    break;
                }
                Thread.sleep(250);
            }
            run.process.destroyForcibly();
            throw new AssertionError("the launcher did not report ready; see " + log);
        }

        private void pump(Path log) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var writer = Files.newBufferedWriter(log)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    Matcher m = PG_PORT.matcher(line);
                    if (m.find()) {
                        postgresPort = Integer.parseInt(m.group(1));
                    }
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        void stop() throws InterruptedException {
            // SIGTERM, as a service manager or Ctrl-C would; through the handle, because Process.destroy()
            // also closes our end of the output pipe and the last lines would be lost
            process.toHandle().destroy();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not stop within 2 minutes");
            pump.join(30_000); // the pump ends at end-of-output: every line printed is then read
        }
    }
}
