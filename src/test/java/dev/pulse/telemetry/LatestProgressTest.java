package dev.pulse.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestProgressTest {

    private static final Instant T = Instant.parse("2024-01-15T10:00:00Z");

    @Test
    void theMostRecentRecordPerStudentAndAssetWins() {
        TelemetryProgress older = new TelemetryProgress(1, "intro", 40.0, null, T);
        TelemetryProgress newer = new TelemetryProgress(1, "intro", 90.0, 60_000_000L, T.plusSeconds(5));
        TelemetryProgress otherAsset = new TelemetryProgress(1, "todo", 10.0, null, T);
        TelemetryProgress otherStudent = new TelemetryProgress(2, "intro", 100.0, null, T.minusSeconds(60));
        List<TelemetryProgress> latest = TelemetryProgress.latestPerStudentAndAsset(
                List.of(older, otherAsset, newer, otherStudent));
        assertEquals(List.of(newer, otherAsset, otherStudent), latest);
    }
}
