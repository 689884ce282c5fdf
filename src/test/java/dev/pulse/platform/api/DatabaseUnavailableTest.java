package dev.pulse.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import jakarta.resource.ResourceException;
import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionInsideHibernatesExceptionIsServiceUnavailable() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        ApiError error = ErrorResponses.classify(new PersistenceException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused)));
        assertEquals(503, error.status());
        assertEquals("service-unavailable", error.slug());
    }

    @Test
    void aBrokenConnectionMidQueryIsServiceUnavailable() {
        PSQLException broken = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE);
        assertEquals(503, ErrorResponses.classify(new IllegalStateException("Could not store an activity", broken)).status());
    }

    @Test
    void aStatementTimeoutIsServiceUnavailable() {
        PSQLException cancelled = new PSQLException("ERROR: canceling statement due to statement timeout",
                PSQLState.QUERY_CANCELED);
        assertEquals(503, ErrorResponses.classify(cancelled).status());
    }

    @Test
    void aServerShuttingDownIsServiceUnavailable() {
        SQLException adminShutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertEquals(503, ErrorResponses.classify(new RuntimeException(adminShutdown)).status());
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsServiceUnavailable() {
        SQLException poolTimeout = new SQLException("Error in allocating a connection. Cause: In-use connections equal "
                + "max-pool-size and expired max-wait-time. Cannot allocate more connections.",
                new ResourceException("expired max-wait-time"));
        assertEquals(503, ErrorResponses.classify(new PersistenceException(poolTimeout)).status());
        assertEquals(503, ErrorResponses.classify(new SQLTransientConnectionException("timed out")).status());
    }

    @Test
    void aConstraintViolationIsStillOurs() {
        SQLException unique = new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION);
        assertNull(ErrorResponses.classify(new PersistenceException(unique)));
        assertNull(ErrorResponses.classify(new SQLException("no state at all")));
    }

    @Test
    void everyFamilyAnswersInItsOwnEnvelope() {
        ApiError error = DatabaseUnavailable.error();
        JsonObject breathecode = ApiFamily.BREATHECODE.error(error);
        assertEquals("service-unavailable", breathecode.getString("slug"));
        assertEquals(503, breathecode.getInt("status_code"));
        assertEquals(error.getMessage(), ApiFamily.CALIPER.error(error).getJsonArray("message").getString(0));
        JsonObject sunbird = ApiFamily.SUNBIRD.error(error);
        assertEquals("SERVICE_UNAVAILABLE", sunbird.getString("responseCode"));
        assertEquals("SERVICE_UNAVAILABLE", sunbird.getJsonObject("params").getString("err"));
        JsonObject live = ApiFamily.LIVE.error(error);
        assertEquals("Service Unavailable", live.getJsonObject("error").getString("title"));
        assertEquals(false, live.getBoolean("success"));
    }
}
