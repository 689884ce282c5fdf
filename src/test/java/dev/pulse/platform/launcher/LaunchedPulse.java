package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@link PulseLauncher} in its own process, as the README starts Pulse; its output is
 * kept for assertions and written to target/launcher-NAME.log. One instance on its embedded database
 * ({@link LauncherIT}), or several on one external database ({@link ClusterIT}).
 */
final class LaunchedPulse {

    private static final Pattern PG_PORT = Pattern.compile("embedded PostgreSQL on port (\\d+)");

    final Process process;
    final Path dataDir;
    final String name;
    final int port;
    final List<String> output = new CopyOnWriteArrayList<>();
    private final Path log;
    private Thread pump;
    volatile int postgresPort;

    private LaunchedPulse(Process process, Path dataDir, String name, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.name = name;
        this.port = port;
        this.log = Path.of("target", "launcher-" + name + ".log");
    }

    /** The HTTP port Maven reserved for launcher runs. */
    static int httpPort() {
        return Integer.parseInt(System.getProperty("pulse.it.launcher.port"));
    }

    /** Starts the launcher on its embedded PostgreSQL and waits until it is ready. */
    static LaunchedPulse start(Path dataDir, String name) throws Exception {
        return launch(dataDir, name, httpPort(), Map.of()).awaitReady();
    }

    /**
     * Starts the launcher without waiting for it: on the embedded PostgreSQL of {@code dataDir} unless
     * {@code settings} name another database. {@code settings} override the environment this JVM passes
     * on (failsafe's, made for the shared test server, whose database is never this one's).
     */
    static LaunchedPulse launch(Path dataDir, String name, int port, Map<String, String> settings) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dpulse.war=" + System.getProperty("pulse.war"),
                "-Dpulse.microJar=" + System.getProperty("payara.microJar"),
                PulseLauncher.class.getName())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("PULSE_DB_URL");
        environment.remove("PULSE_DB_USER");
        environment.remove("PULSE_DB_PASSWORD");
        environment.put("PULSE_PORT", Integer.toString(port));
        environment.put("PULSE_DATA_DIR", dataDir.toAbsolutePath().toString());
        environment.put("PULSE_HEAP", "768m");
        // a build machine shared with other builds can take longer than the default five minutes
        environment.put("PULSE_READY_TIMEOUT", "PT10M");
        // the crash test opens tickets as fast as it can from one Live account, never closing them
        environment.put("PULSE_LIVE_MAX_OPEN_TICKETS", "1000000");
        settings.forEach((key, value) -> { // a null value: not set at all
            if (value == null) {
                environment.remove(key);
            } else {
                environment.put(key, value);
            }
        });
        LaunchedPulse run = new LaunchedPulse(builder.start(), dataDir, name, port);
        run.pump = new Thread(() -> run.pump(run.log), "launcher-output-" + name);
        run.pump.setDaemon(true);
        run.pump.start();
        return run;
    }

    /** Waits until the launcher reports ready; kills it and fails when it ends or takes 11 minutes. */
    LaunchedPulse awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(11));
        while (Instant.now().isBefore(deadline)) {
            if (output.stream().anyMatch(l -> l.contains("[pulse] Pulse is ready at"))) {
                RestAssured.reset();
                return this;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the launcher " + name + " did not report ready; see " + log);
    }

    /** This run's base URL, {@code http://localhost:PORT/}. */
    URL baseUrl() {
        try {
            return new URL("http://localhost:" + port + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
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

    /** SIGTERM, as a service manager or Ctrl-C would, then waits for the launcher to end. */
    void stop() throws InterruptedException {
        // through the handle: Process.destroy() also closes our end of the output pipe and the last lines would be lost
        process.toHandle().destroy();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher did not stop within 2 minutes");
        pump.join(30_000); // the pump ends at end-of-output: every line printed is then read
    }

    /**
     * SIGKILL to every process of this run at once: the launcher, Payara Micro, and the embedded
     * PostgreSQL with its backends when it started one (pg_ctl detaches the postmaster from the
     * launcher, so it is found through postmaster.pid). Returns how many processes were killed.
     */
    int killEverything() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        all.addAll(process.toHandle().descendants().toList());
        PostgresProcesses.of(dataDir.resolve("postgres")).ifPresent(all::addAll);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        pump.join(30_000);
        return all.size();
    }

    /** The superuser password the launcher generated for the embedded PostgreSQL. */
    String databasePassword() {
        try {
            return Files.readString(dataDir.resolve("postgres.password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String databaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    }

    int indexOf(String text) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
