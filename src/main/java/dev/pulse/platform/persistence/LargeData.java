package dev.pulse.platform.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Longer bounds for statements that move mebibytes. The datasource bounds every statement tightly
 * (PulseDataSource: 1.5 s per statement, 2 s per read from the server) so that a hung database is a
 * 503 within seconds. Storing, syncing or reading back a 10 MiB document can honestly take longer on
 * a busy two-core machine, so such work gets {@link #BOUND} for its statements: a
 * {@code statement_timeout} that ends with the transaction, and a network timeout that is put back
 * before the connection returns to the pool.
 */
public final class LargeData {

    /** Enough for the largest document Pulse accepts (10 MiB) on a loaded two-core machine. */
    static final Duration BOUND = Duration.ofSeconds(30);

    /** pgjdbc applies a new network timeout at once and never calls the executor. */
    private static final Executor SAME_THREAD = Runnable::run;

    private LargeData() {
    }

    /** Gives the connection's current transaction the large bounds; {@link #restore} undoes what outlives it. */
    static void allow(Connection c) throws SQLException {
        c.setNetworkTimeout(SAME_THREAD, Math.toIntExact(BOUND.plusSeconds(1).toMillis()));
        try (Statement s = c.createStatement()) {
            s.execute("set local statement_timeout = " + BOUND.toMillis());
        }
    }

    /** Puts back the network timeout that {@link #allow} replaced. */
    static void restore(Connection c, int everydayNetworkTimeout) throws SQLException {
        c.setNetworkTimeout(SAME_THREAD, everydayNetworkTimeout);
    }

    /**
     * Runs a read that may return mebibytes inside the caller's JTA transaction, whose connection
     * stays the same for the whole transaction.
     */
    public static <T> T read(EntityManager em, Supplier<T> read) {
        Session session = em.unwrap(Session.class);
        int everyday = session.doReturningWork(Connection::getNetworkTimeout);
        try {
            session.doWork(LargeData::allow);
            return read.get();
        } finally {
            session.doWork(c -> restore(c, everyday));
        }
    }
}
