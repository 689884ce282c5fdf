package dev.pulse.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Room for a write larger than everyday requests. The datasource bounds every statement tightly
 * (WEB-INF/web.xml: 1.5 s per statement, 2 s per read from the server) so that a hung database is a
 * 503 within seconds; storing and syncing a body of several mebibytes can honestly take longer on a
 * busy machine. For the work given, on one connection, both bounds become {@code limit}; then the
 * connection gets its everyday bounds back before it goes back to the pool.
 */
public final class StatementTime {

    /** A body up to this size is an everyday write and keeps the everyday bounds. */
    public static final int EVERYDAY_BYTES = 256 * 1024;

    /** Enough for the largest body Pulse accepts (10 MiB) on a loaded two-core machine. */
    public static final Duration LARGE_WRITE = Duration.ofSeconds(30);

    /** pgjdbc applies a new network timeout at once and never calls the executor. */
    private static final Executor SAME_THREAD = Runnable::run;

    private StatementTime() {
    }

    /** Work on a connection that may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} with statements allowed {@code limit} when {@code bytes} exceeds an everyday
     * body, else as it is; include the commit in {@code work}, since syncing a large commit is part of its cost.
     */
    public static <T> T forBody(Connection connection, long bytes, Work<T> work) throws SQLException {
        return bytes <= EVERYDAY_BYTES ? work.run(connection) : extended(connection, LARGE_WRITE, work);
    }

    /**
     * Runs {@code work}, a transaction on a connection out of auto-commit, with its statements and reads
     * allowed {@code limit}; {@code SET LOCAL} ends with that transaction, committed or not.
     */
    public static <T> T extended(Connection connection, Duration limit, Work<T> work) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("a longer statement time is given to a transaction, not to a connection");
        }
        int everydayNetworkTimeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(SAME_THREAD, Math.toIntExact(limit.plusSeconds(1).toMillis()));
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("set local statement_timeout = " + limit.toMillis());
            }
            return work.run(connection);
        } finally {
            connection.setNetworkTimeout(SAME_THREAD, everydayNetworkTimeout);
        }
    }
}
