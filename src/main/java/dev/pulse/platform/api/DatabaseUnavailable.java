package dev.pulse.platform.api;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means the database cannot be reached or did not answer in time, as
 * opposed to a bug: the client should retry later, so it becomes a 503 with Retry-After.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying; the pool re-checks its connections every second. */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    static ApiError error() {
        return new ApiError(503, "service-unavailable",
                "The service is temporarily unavailable; retry in " + RETRY_AFTER_SECONDS + " seconds");
    }

    /** The failure or one of its causes says the database is unreachable, hung or refusing connections. */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (is(t)) {
                return true;
            }
        }
        return false;
    }

    /** This one throwable (not its causes) says the database is unreachable, hung or refusing connections. */
    static boolean is(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") // connection exception
                    || state.equals("57014") // statement timeout
                    || state.startsWith("57P") // server shutting down, crashed, or not yet accepting connections
                    || state.equals("53300"); // too many connections
        }
        // the container's connection pool: no connection could be created, or none came free in time
        return t instanceof ResourceException;
    }
}
