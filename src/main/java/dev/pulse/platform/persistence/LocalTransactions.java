package dev.pulse.platform.persistence;

import dev.pulse.platform.metrics.Meter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Work on a connection of its own in one local transaction, for writers that own their commit
 * outside JTA (group commit, Caliper envelopes): the caller must not be inside a JTA transaction.
 * <p>The datasource bounds every statement tightly (WEB-INF/web.xml: 1.5 s per statement, 2 s per
 * read from the server) so that a hung database is a 503 within seconds. Storing and syncing
 * several mebibytes can honestly take longer on a busy machine, so a transaction that writes more
 * than {@link #EVERYDAY_BYTES} gets {@link #LARGE_WRITE} for its statements and its commit; the
 * connection gets its everyday bounds back before it returns to the pool.
 * <p>How long each transaction waited for its connection goes to the histogram
 * {@code pulse_db_connection_wait_microseconds}: these writers are the busiest users of the pool, so their wait is
 * where an exhausted pool shows first.
 */
public final class LocalTransactions {

    /** Up to this many bytes written, a transaction keeps the everyday bounds. */
    public static final long EVERYDAY_BYTES = 256 * 1024;

    /** Enough for the largest body Pulse accepts (10 MiB) on a loaded two-core machine. */
    static final Duration LARGE_WRITE = Duration.ofSeconds(30);

    /** pgjdbc applies a new network timeout at once and never calls the executor. */
    private static final Executor SAME_THREAD = Runnable::run;

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private LocalTransactions() {
    }

    /** Like {@link #commit(DataSource, Meter, long, Work)} for an everyday amount of data. */
    public static <T> T commit(DataSource dataSource, Meter meter, Work<T> work) throws SQLException {
        return commit(dataSource, meter, 0, work);
    }

    /**
     * Runs the work and commits; rolls back when it throws. Work that calls {@code rollback()}
     * itself leaves nothing for the closing commit to write. {@code bytes} is about how much the work
     * writes, which decides how long its statements may take.
     */
    public static <T> T commit(DataSource dataSource, Meter meter, long bytes, Work<T> work) throws SQLException {
        long asked = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            meter.sample("pulse_db_connection_wait_microseconds", (System.nanoTime() - asked) / 1_000);
            boolean autoCommit = c.getAutoCommit();
            int everydayNetworkTimeout = c.getNetworkTimeout();
            boolean large = bytes > EVERYDAY_BYTES;
            c.setAutoCommit(false);
            try {
                if (large) {
                    allowLargeWrite(c);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                if (large) {
                    c.setNetworkTimeout(SAME_THREAD, everydayNetworkTimeout);
                }
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Longer reads from the server, and a statement_timeout that ends with this transaction. */
    private static void allowLargeWrite(Connection c) throws SQLException {
        c.setNetworkTimeout(SAME_THREAD, Math.toIntExact(LARGE_WRITE.plusSeconds(1).toMillis()));
        try (Statement s = c.createStatement()) {
            s.execute("set local statement_timeout = " + LARGE_WRITE.toMillis());
        }
    }
}
