package dev.pulse.platform.persistence;

import dev.pulse.platform.metrics.Meter;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Work on a connection of its own in one local transaction, for writers that own their commit
 * outside JTA (group commit, Caliper envelopes): the caller must not be inside a JTA transaction.
 * <p>A transaction that writes more than {@link #EVERYDAY_BYTES} gets {@link LargeData}'s bounds for
 * its statements and its commit.
 * <p>How long each transaction waited for its connection goes to the histogram
 * {@code pulse_db_connection_wait_microseconds}: these writers are the busiest users of the pool, so their wait is
 * where an exhausted pool shows first.
 */
public final class LocalTransactions {

    /** Up to this many bytes written, a transaction keeps the everyday bounds. */
    public static final long EVERYDAY_BYTES = 256 * 1024;

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
            boolean large = bytes > EVERYDAY_BYTES;
            int everydayNetworkTimeout = c.getNetworkTimeout();
            c.setAutoCommit(false);
            try {
                if (large) {
                    LargeData.allow(c);
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                if (large) {
                    LargeData.restore(c, everydayNetworkTimeout);
                }
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
