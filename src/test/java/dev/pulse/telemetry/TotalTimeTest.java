package dev.pulse.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotalTimeTest {

    @ParameterizedTest
    @CsvSource({
            "01:00:00, 01:00:00",
            "1:30:00, 01:30:00",
            "00:30:00, 00:30:00",
            "26:00:00, 26:00:00",
            "150:05:09, 150:05:09",
            "01:00:00.5, 01:00:00.500000",
            "PT1H, 01:00:00",
            "PT1H30M, 01:30:00",
            "P1DT2H, 26:00:00",
            "P2D, 48:00:00",
            "P1W, 168:00:00",
            "PT90M, 01:30:00",
            "PT45S, 00:00:45",
            "PT0.25S, 00:00:00.250000",
            "pt1h, 01:00:00",
            "PT0S, 00:00:00",
            "5400, 01:30:00",
            "30:00, 00:30:00",
            "1 02:00:00, 26:00:00",
            "'1 day, 02:00:00', 26:00:00",
            "'2 days, 0:00:01', 48:00:01",
            "01:30:00.5, 01:30:00.500000",
            "01:60:00, 02:00:00",
            "1:2:3, 01:02:03",
            "0.1234567, 00:00:00.123456"
    })
    void bothFormatsRoundTripToHoursMinutesSeconds(String given, String written) {
        assertEquals(written, TotalTime.format(TotalTime.parse(given).orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1 day 02:00:00", "1:2:3:4", "01:", ":30", "P", "PT", "P1Y",
            "P1M", "PT1H30", "99999999999999999999:00:00", "P99999999999999999999D", "1.5:00"})
    void anythingElseIsNotADuration(String given) {
        assertEquals(Optional.empty(), TotalTime.parse(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-01:00:00", "-PT1H", "PT-1H", "P-1D", "-5400", "-1 02:00:00"})
    void negativeDurationsParseAsNegative(String given) {
        assertTrue(TotalTime.parse(given).orElseThrow() < 0);
    }

    @Test
    void aNegativeTimeIsNeverWritten() {
        assertThrows(IllegalArgumentException.class, () -> TotalTime.format(-1));
    }
}
