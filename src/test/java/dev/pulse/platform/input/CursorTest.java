package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCursorRoundTripsAtMicrosecondPrecision() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-23T10:00:00.123456789Z"), 42);
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), cursor.at());
        assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode()));
    }

    @Test
    void theWireFormatIsVersionedMicrosAndId() {
        Cursor cursor = new Cursor(Instant.parse("1970-01-01T00:00:01.000002Z"), 7);
        assertEquals(token("1:1000002:7"), cursor.encode());
    }

    @Test
    void cursorsBeforeNineteenSeventyAndAtTheEdgesRoundTrip() {
        for (Instant at : new Instant[] {Instant.parse("1969-12-31T23:59:59.999999Z"), StorableTime.EARLIEST,
                StorableTime.LATEST}) {
            Cursor cursor = new Cursor(at, 1);
            assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode()), at.toString());
        }
    }

    @Test
    void unversionedTelemetryCursorsStillDecode() {
        Cursor cursor = Cursor.decode(token("1705314600123456:42")).orElseThrow();
        assertEquals(Instant.parse("2024-01-15T10:30:00.123456Z"), cursor.at());
        assertEquals(42, cursor.id());
    }

    @Test
    void garbageIsNotACursor() {
        for (String garbage : new String[] {null, "", "  ", "not a cursor!", "%%%", "bm90LWEtY3Vyc29y", token("123"),
                token("2:1:1"), token("1:1:1:1"), token("1:x:1"), token("1:1:x"), token("1: 1:1"), token("1:+1:1"),
                token("1::1"), "A".repeat(101)}) {
            assertTrue(Cursor.decode(garbage).isEmpty(), String.valueOf(garbage));
        }
    }

    @Test
    void idsStartAtOne() {
        assertTrue(Cursor.decode(token("123:0")).isEmpty());
        assertTrue(Cursor.decode(token("1:123:-5")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Cursor(Instant.EPOCH, 0));
    }

    @Test
    void timesPostgresqlCannotHoldAreRefused() {
        assertTrue(Cursor.decode(token("1:99999999999999999999999:1")).isEmpty()); // beyond a long
        long beforeEarliest = StorableTime.of(StorableTime.EARLIEST).micros() - 1;
        assertTrue(Cursor.decode(token("1:" + beforeEarliest + ":1")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Cursor(Instant.parse("+300000-01-01T00:00:00Z"), 1));
    }
}
