package dev.pulse.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryCursorTest {

    @Test
    void aCursorDecodesToTheTimeAndIdItWasMadeFrom() {
        TelemetryCursor cursor = new TelemetryCursor(Instant.parse("2024-01-15T10:30:00.123456Z"), 42);
        assertEquals(cursor, TelemetryCursor.decode(cursor.encode()).orElseThrow());
    }

    @Test
    void foreignTextIsNotACursor() {
        assertTrue(TelemetryCursor.decode("not a cursor!").isEmpty());
        assertTrue(TelemetryCursor.decode("MTIz").isEmpty()); // "123": no id
        assertTrue(TelemetryCursor.decode("MTIzOjA").isEmpty()); // "123:0": ids start at 1
        assertTrue(TelemetryCursor.decode("").isEmpty());
    }
}
