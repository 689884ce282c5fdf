package dev.pulse.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Datastore sorts order_key as a string: that order must be (created_at, id) order, and bounds must cut right. */
class DatastoreOrderKeyTest {

    @Test
    void stringOrderIsTimeThenIdOrder() {
        Instant t = Instant.parse("2026-11-23T10:00:00.000001Z");
        assertTrue(DatastoreActivityStore.orderKey(t, 9).compareTo(DatastoreActivityStore.orderKey(t, 10)) < 0);
        assertTrue(DatastoreActivityStore.orderKey(t, Long.MAX_VALUE)
                .compareTo(DatastoreActivityStore.orderKey(t.plusNanos(1000), 1)) < 0);
        assertTrue(DatastoreActivityStore.orderKey(Instant.parse("1900-01-01T00:00:00Z"), 5)
                .compareTo(DatastoreActivityStore.orderKey(Instant.parse("2026-01-01T00:00:00Z"), 1)) < 0);
        assertEquals(DatastoreActivityStore.orderKey(Instant.parse("0001-01-01T00:00:00Z"), 1).length(),
                DatastoreActivityStore.orderKey(Instant.parse("9999-12-31T23:59:59Z"), Long.MAX_VALUE).length());
    }

    @Test
    void aTimeKeyBoundsEveryKeyOfThatInstant() {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        String bound = DatastoreActivityStore.timeKey(t);
        // since = t is inclusive: every key at t is >= the bound; until = t is exclusive: every key at t is not < it
        assertTrue(DatastoreActivityStore.orderKey(t, 1).compareTo(bound) >= 0);
        assertTrue(DatastoreActivityStore.orderKey(t.minusNanos(1000), Long.MAX_VALUE).compareTo(bound) < 0);
    }
}
