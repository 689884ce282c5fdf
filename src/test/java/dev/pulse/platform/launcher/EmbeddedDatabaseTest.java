package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL persists what it acknowledges and lets in only who knows the password. */
class EmbeddedDatabaseTest {

    @TempDir
    Path pulseData;

    @Test
    void itRunsDurablyOnLoopbackWithAGeneratedPassword() throws Exception {
        Path passwordFile = pulseData.resolve("postgres.password");
        String password = EmbeddedDatabase.storedPassword(passwordFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(password, EmbeddedDatabase.storedPassword(passwordFile), "the password is kept, not regenerated");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pulseData.resolve("postgres"), 0, password);
                Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, password);
                Statement s = c.createStatement()) {
            assertEquals("on", setting(s, "fsync"));
            assertEquals("on", setting(s, "synchronous_commit"));
            assertEquals("on", setting(s, "full_page_writes"));
            assertEquals("127.0.0.1", setting(s, "listen_addresses"));
            assertEquals("terse", setting(s, "log_error_verbosity"), "no row values in its log");
            assertEquals("panic", setting(s, "log_min_error_statement"), "no statements in its log");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "wrong"));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, ""));
        }
    }

    @Test
    void aClusterCreatedWithTrustAuthenticationGetsThePassword() throws Exception {
        Path dir = pulseData.resolve("postgres");
        EmbeddedPostgres.builder().setDataDirectory(dir.toFile()).setCleanDataDirectory(false).start().close();

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, "s3cret'pw");
                Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "s3cret'pw")) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "wrong"));
        }
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("show " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
