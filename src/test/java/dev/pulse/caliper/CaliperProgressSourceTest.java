package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The progress a Caliper event reports to the groups' activity aggregate, computed by PostgreSQL
 * ({@link CaliperProgressSource#EVENT_PROGRESS}) over payloads as they are stored (jsonb).
 */
class CaliperProgressSourceTest {

    private static EmbeddedPostgres postgres;
    private static Connection db;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        db = postgres.getPostgresDatabase().getConnection();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
        postgres.close();
    }

    private static double progressOf(String payload) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select " + CaliperProgressSource.EVENT_PROGRESS
                + " from (select cast(? as jsonb) as payload) e")) {
            q.setString(1, payload);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getDouble(1);
            }
        }
    }

    @Test
    void finishedOrSuccessfulEventsMeanComplete() throws Exception {
        assertEquals(100.0, progressOf("{\"object\":{\"finished\":true,\"percentReading\":10}}"));
        assertEquals(100.0, progressOf("{\"object\":{\"finished\":\"TRUE\"}}"));
        assertEquals(100.0, progressOf("{\"object\":{\"finished\":\" true \"}}"));
        assertEquals(100.0, progressOf("{\"object\":{\"completionType\":\"SUCCESSFULL\"}}"));
        assertEquals(100.0, progressOf("{\"object\":{\"completionType\":\"successfull\",\"percentReading\":3}}"));
    }

    @Test
    void otherwiseThePercentReadingCountsAndNothingMeansZero() throws Exception {
        assertEquals(40.0, progressOf(
                "{\"object\":{\"finished\":false,\"completionType\":\"ONGOING\",\"percentReading\":40}}"));
        assertEquals(55.5, progressOf("{\"object\":{\"percentReading\":\"55.5\"}}"));
        assertEquals(100.0, progressOf("{\"object\":{\"percentReading\":250}}"));
        assertEquals(0.0, progressOf("{\"object\":{\"percentReading\":-3}}"));
        assertEquals(0.0, progressOf("{\"object\":{\"completionType\":\"FAILURE\"}}"));
        assertEquals(0.0, progressOf("{\"object\":{\"percentReading\":\"lots\"}}"));
        assertEquals(0.0, progressOf("{\"object\":\"a string\"}"));
        assertEquals(0.0, progressOf("[]"));
    }

    @Test
    void numbersBeyondTheRangeOfADoubleAreClampedNotAnError() throws Exception {
        assertEquals(100.0, progressOf("{\"object\":{\"percentReading\":1e400}}"));
        assertEquals(100.0, progressOf("{\"object\":{\"percentReading\":\"1e400\"}}"));
        assertEquals(0.0, progressOf("{\"object\":{\"percentReading\":-1e400}}"));
    }
}
