package dev.pulse.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class MeterTest {

    @Test
    void withoutAMetricsRegistryEveryCallDoesNothingAndThatIsLoggedOnce() {
        Logger log = Logger.getLogger(Meter.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            Meter meter = new Meter(); // no CDI container here, so no registry
            meter.count("pulse_requests", "family", "live", "status", "2xx");
            meter.count("pulse_caliper_events", 3, "outcome", "ingested");
            meter.sample("pulse_group_commit_batch_size", 7, "writer", "activities");
            meter.sample("pulse_db_connection_wait_microseconds", 2_000);
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, records.size(), records.toString());
        assertTrue(records.get(0).getMessage().contains("application metrics are not recorded"), records.get(0).getMessage());
    }

    @Test
    void tagsComeInNameValuePairs() {
        Meter meter = new Meter();
        assertThrows(IllegalArgumentException.class, () -> meter.count("pulse_requests", "family"));
    }
}
