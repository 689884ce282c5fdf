package dev.pulse.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Work on a connection of its own in one local transaction, for writers that own their commit
 * outside JTA (group commit, Caliper envelopes): the caller must not be inside a JTA transaction.
 */
public final class LocalTransactions {

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private LocalTransactions() {
    }

    /**
     * Runs the work and commits; rolls back when it throws. Work that calls {@code rollback()}
     * itself leaves nothing for the closing commit to write.
     */
    public static <T> T commit(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
