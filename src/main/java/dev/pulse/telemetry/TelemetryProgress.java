package dev.pulse.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's latest progress on an asset, for other features (groups' progress aggregate) that
 * must not read the telemetry table themselves. When a student has telemetry for the same asset
 * in several academies, the most recently updated record wins.
 *
 * @param accountId       the student's account id
 * @param assetSlug       the asset
 * @param completionRate  0–100, or null when never reported
 * @param totalTimeMicros time spent in microseconds, or null when never reported
 * @param updatedAt       when the record last changed
 */
public record TelemetryProgress(long accountId, String assetSlug, Double completionRate, Long totalTimeMicros,
        Instant updatedAt) {

    /** Keeps the most recently updated record per (student, asset): a student may have one per academy. */
    static List<TelemetryProgress> latestPerStudentAndAsset(List<TelemetryProgress> records) {
        Map<String, TelemetryProgress> latest = new LinkedHashMap<>();
        for (TelemetryProgress p : records) {
            latest.merge(p.accountId() + "\n" + p.assetSlug(), p,
                    (kept, other) -> other.updatedAt().isAfter(kept.updatedAt()) ? other : kept);
        }
        return new ArrayList<>(latest.values());
    }
}
