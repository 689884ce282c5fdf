package dev.pulse.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.input.Cursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The academy list's cursor: the shared keyset cursor, which still reads the ones telemetry handed out before. */
class TelemetryCursorTest {

    @Test
    void aNextCursorTheListHandedOutBeforeStillNamesTheSamePlace() {
        Instant updatedAt = Instant.parse("2024-01-15T10:30:00.123456Z");
        long micros = updatedAt.getEpochSecond() * 1_000_000L + updatedAt.getNano() / 1000;
        String earlier = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":42").getBytes(StandardCharsets.US_ASCII));
        assertEquals(new Cursor(updatedAt, 42), Cursor.decode(earlier).orElseThrow());
        Cursor now = new Cursor(updatedAt, 42);
        assertEquals(now, Cursor.decode(now.encode()).orElseThrow());
    }

    @Test
    void foreignTextIsNotACursor() {
        assertTrue(Cursor.decode("not a cursor!").isEmpty());
        assertTrue(Cursor.decode("MTIz").isEmpty()); // "123": no id
        assertTrue(Cursor.decode("MTIzOjA").isEmpty()); // "123:0": ids start at 1
        assertTrue(Cursor.decode("").isEmpty());
    }
}
