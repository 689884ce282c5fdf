package dev.pulse.platform.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs Pulse on one machine: starts the embedded PostgreSQL (unless PULSE_DB_URL names another
 * database) with the password kept in PULSE_DATA_DIR/postgres.password, then Payara Micro with the WAR, waits until /health/ready reports the database check
 * UP, and prints the URL. Ctrl-C or SIGTERM stops Payara first, then PostgreSQL.
 *
 * <p>Payara Micro runs as a child JVM started with {@code java -jar}, so the --add-opens flags in
 * its manifest apply and the WAR's classes never share a class path with this launcher.
 */
public final class PulseLauncher {

    private PulseLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(setting("PULSE_PORT", "8080"));
        Path dataDir = Path.of(setting("PULSE_DATA_DIR", "./data")).toAbsolutePath().normalize();
        Path war = Path.of(setting("pulse.war", "target/pulse.war"));
        Path microJar = Path.of(setting("pulse.microJar", "target/payara-micro.jar"));
        requireFile(war, "the WAR (run `mvn package` first)");
        requireFile(microJar, "payara-micro.jar (copied into target/ by `mvn package`)");
        try {
            ClusterSettings.from(name -> setting(name, null)); // refused before anything starts
        } catch (IllegalArgumentException badSettings) {
            System.err.println("[pulse] " + badSettings.getMessage());
            System.exit(2);
        }
        Files.createDirectories(dataDir);

        EmbeddedDatabase database = null;
        String dbPassword = null;
        String dbUrl = setting("PULSE_DB_URL", null);
        if (dbUrl == null) {
            dbPassword = EmbeddedDatabase.storedPassword(dataDir.resolve("postgres.password"));
            database = EmbeddedDatabase.start(dataDir.resolve("postgres"), Integer.parseInt(setting("PULSE_DB_PORT", "0")),
                    dbPassword);
            System.out.println("[pulse] embedded PostgreSQL on port " + database.port() + ", data in " + dataDir.resolve("postgres"));
        }

        ProcessBuilder payara = PayaraMicro.process(war, microJar, port).inheritIO();
        Map<String, String> env = payara.environment();
        env.put("PULSE_DATA_DIR", dataDir.toString());
        if (database != null) {
            env.put("PULSE_DB_URL", database.jdbcUrl());
            env.put("PULSE_DB_USER", EmbeddedDatabase.USER);
            env.put("PULSE_DB_PASSWORD", dbPassword);
        }
        Process server = payara.start();
        EmbeddedDatabase db = database;
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            stop(server, db);
        }, "pulse-shutdown"));

        Duration readyTimeout = Duration.parse(setting("PULSE_READY_TIMEOUT", "PT5M"));
        if (PayaraMicro.awaitReady(server, port, readyTimeout)) {
            System.out.println("[pulse] Pulse is ready at http://localhost:" + port + "/  (OpenAPI: http://localhost:"
                    + port + "/openapi, health: http://localhost:" + port + "/health/ready)");
        } else if (server.isAlive()) {
            System.err.println("[pulse] Payara is up but the application did not become ready; see the log above");
            System.exit(1);
        }
        int exit = server.waitFor();
        if (!stopping.get()) {
            // Payara ended by itself: exit, and let the shutdown hook stop PostgreSQL. When the hook is
            // already running (Ctrl-C, SIGTERM) we must not call exit: a non-zero System.exit during
            // shutdown halts the JVM at once, before PostgreSQL is stopped.
            System.exit(exit);
        }
    }

    private static void stop(Process server, EmbeddedDatabase database) {
        try {
            if (server.isAlive()) {
                System.out.println("[pulse] stopping Payara Micro");
                server.destroy();
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            try {
                System.out.println("[pulse] stopping PostgreSQL");
                database.close();
            } catch (IOException e) {
                System.err.println("[pulse] PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            System.err.println("[pulse] missing " + what + ": " + file.toAbsolutePath());
            System.exit(2);
        }
    }

    /** A system property, else an environment variable, else the default. */
    static String setting(String name, String defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
