package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.input.StorableTime.Form;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorableTimeTest {

    @Test
    void theRangeIsPostgresqlsFrom4713BcToTheLastMicrosecondALongCounts() {
        assertEquals(Instant.parse("-4713-11-24T00:00:00Z"), StorableTime.EARLIEST);
        assertEquals(Instant.parse("+294247-01-10T04:00:54.775807Z"), StorableTime.LATEST);
        assertTrue(StorableTime.isStorable(StorableTime.EARLIEST));
        assertTrue(StorableTime.isStorable(StorableTime.LATEST));
        assertFalse(StorableTime.isStorable(StorableTime.EARLIEST.minusNanos(1)));
        assertFalse(StorableTime.isStorable(StorableTime.LATEST.plusNanos(1000)));
        assertFalse(StorableTime.isStorable(Instant.parse("+294276-12-31T23:59:59Z")));
        assertFalse(StorableTime.isStorable(Instant.MIN));
        assertFalse(StorableTime.isStorable(null));
        assertThrows(IllegalArgumentException.class, () -> StorableTime.of(Instant.MAX));
    }

    @Test
    void precisionIsMicroseconds() {
        StorableTime time = StorableTime.of(Instant.parse("2026-11-23T10:00:00.123456789Z"));
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), time.instant());
        assertEquals("2026-11-23T10:00:00.123456Z", time.toString());
    }

    @Test
    void microsecondsSince1970RoundTripAcrossTheWholeRange() {
        for (Instant at : new Instant[] {StorableTime.EARLIEST, Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.EPOCH, StorableTime.LATEST}) {
            StorableTime time = StorableTime.of(at);
            assertEquals(Optional.of(time), StorableTime.ofMicros(time.micros()));
        }
        assertEquals(Long.MAX_VALUE, StorableTime.of(StorableTime.LATEST).micros());
        assertTrue(StorableTime.ofMicros(StorableTime.of(StorableTime.EARLIEST).micros() - 1).isEmpty());
        assertTrue(StorableTime.ofMicros(Long.MIN_VALUE).isEmpty());
    }

    @Test
    void anOffsetDateTimeIsReadInEveryForm() {
        for (Form form : Form.values()) {
            assertEquals(Optional.of(Instant.parse("2024-03-01T09:15:00Z")),
                    StorableTime.parse(" 2024-03-01T10:15:00+01:00 ", form), form.name());
        }
    }

    @Test
    void aDateMeansItsStartInUtcExceptWhereAnOffsetIsRequired() {
        assertEquals(Optional.of(Instant.parse("2026-11-23T00:00:00Z")),
                StorableTime.parse("2026-11-23", Form.OFFSET_DATE_TIME_OR_DATE));
        assertEquals(Optional.of(Instant.parse("2026-11-23T00:00:00Z")),
                StorableTime.parse("2026-11-23", Form.LOCAL_AS_UTC));
        assertTrue(StorableTime.parse("2026-11-23", Form.OFFSET_DATE_TIME).isEmpty());
    }

    @Test
    void aLocalDateTimeIsUtcOnlyWhereTheFamilyWritesThem() {
        assertEquals(Optional.of(Instant.parse("2017-02-22T21:44:27Z")),
                StorableTime.parse("2017-02-22T21:44:27", Form.LOCAL_AS_UTC));
        assertTrue(StorableTime.parse("2017-02-22T21:44:27", Form.OFFSET_DATE_TIME_OR_DATE).isEmpty());
        assertTrue(StorableTime.parse("2017-02-22T21:44:27", Form.OFFSET_DATE_TIME).isEmpty());
    }

    @Test
    void aPlusThatArrivedAsASpaceIsAPlusForLocalForms() {
        assertEquals(Optional.of(Instant.parse("2017-02-22T20:44:27Z")),
                StorableTime.parse("2017-02-22T21:44:27 01:00", Form.LOCAL_AS_UTC));
        assertTrue(StorableTime.parse("2017-02-22T21:44:27 01:00", Form.OFFSET_DATE_TIME).isEmpty());
    }

    @Test
    void nonsenseIsNotATime() {
        for (Form form : Form.values()) {
            assertTrue(StorableTime.parse(null, form).isEmpty());
            assertTrue(StorableTime.parse(" ", form).isEmpty());
            assertTrue(StorableTime.parse("yesterday", form).isEmpty());
            assertTrue(StorableTime.parse("2024-02-30T00:00:00Z", form).isEmpty());
        }
    }

    @Test
    void farYearsParseButAreNotStorable() {
        Instant far = StorableTime.parse("+300000-01-01T00:00:00Z", Form.OFFSET_DATE_TIME).orElseThrow();
        assertFalse(StorableTime.isStorable(far));
        Instant bc = StorableTime.parse("-5000-01-01T00:00:00Z", Form.OFFSET_DATE_TIME).orElseThrow();
        assertFalse(StorableTime.isStorable(bc));
        assertTrue(StorableTime.isStorable(StorableTime.parse("-4000-01-01", Form.OFFSET_DATE_TIME_OR_DATE).orElseThrow()));
    }
}
