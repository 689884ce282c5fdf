package dev.pulse.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.telemetry.TelemetryChanges.Field;
import dev.pulse.telemetry.TelemetryMerge.Assignment;
import dev.pulse.telemetry.TelemetryMerge.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TelemetryMergeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final Instant STORED_NOW = Instant.parse("2026-11-23T10:15:30.123456Z");
    private final TelemetryMerge merge = new TelemetryMerge(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, Object> values(List<Assignment> assignments) {
        Map<String, Object> values = new HashMap<>();
        assignments.forEach(a -> values.put(a.column(), a.value()));
        assertEquals(assignments.size(), values.size(), "a column is set once");
        return values;
    }

    @Test
    void aNewRecordHoldsTheFieldsSentAndIsCreatedAndUpdatedAtTheSameMicrosecond() {
        TelemetryMerge.Write write = merge.upsert(new TelemetryChanges(Map.of(Field.COMPLETION_RATE, 40.0,
                Field.TOTAL_TIME, 60_000_000L)));
        assertEquals(Map.of("completion_rate", 40.0, "total_time_micros", 60_000_000L,
                "created_at", STORED_NOW, "updated_at", STORED_NOW), values(write.whenNew()));
    }

    @Test
    void mergingIntoAnExistingRecordSetsOnlyTheFieldsSentAndKeepsItsCreationTime() {
        TelemetryMerge.Write write = merge.upsert(new TelemetryChanges(Map.of(Field.ENGAGEMENT_SCORE, 92.0)));
        assertEquals(Map.of("engagement_score", 92.0, "updated_at", STORED_NOW), values(write.whenExisting()));
    }

    @Test
    void learnPacksRepeatIsTheSameUpsertThatLeavesAnUnchangedRecordAlone() {
        TelemetryChanges changes = new TelemetryChanges(Map.of(Field.TELEMETRY, "{\"slug\":\"a\"}",
                Field.COMPLETION_RATE, 40.0));
        TelemetryMerge.Write repeat = merge.upsertUnlessSame(changes);
        TelemetryMerge.Write upsert = merge.upsert(changes);
        assertTrue(repeat.unlessSame());
        assertFalse(upsert.unlessSame());
        assertEquals(upsert.whenNew(), repeat.whenNew());
        assertEquals(upsert.whenExisting(), repeat.whenExisting());
        assertEquals(Set.of("telemetry", "completion_rate"), Set.copyOf(repeat.fieldColumns()));
    }

    @Test
    void aPutNeverCreatesAndMergesLikeAPost() {
        TelemetryChanges changes = new TelemetryChanges(Map.of(Field.FRUSTRATION_SCORE, 8.5,
                Field.METRICS, "{\"x\":1}"));
        TelemetryMerge.Write put = merge.update(changes);
        assertTrue(put.whenNew().isEmpty());
        assertEquals(merge.upsert(changes).whenExisting(), put.whenExisting());
    }

    @Test
    void aFieldSentAsNullIsClearedAndAFieldNotSentIsNotWritten() {
        Map<Field, Object> sent = new HashMap<>();
        sent.put(Field.TELEMETRY, null);
        Map<String, Object> existing = values(merge.update(new TelemetryChanges(sent)).whenExisting());
        assertTrue(existing.containsKey("telemetry"));
        assertEquals(null, existing.get("telemetry"));
        assertEquals(2, existing.size());
    }

    @Test
    void anEmptyBodyOnlyMovesTheUpdateTime() {
        TelemetryMerge.Write write = merge.upsert(new TelemetryChanges(Map.of()));
        assertEquals(List.of(new Assignment("updated_at", STORED_NOW, Type.TIMESTAMP)), write.whenExisting());
        assertEquals(Map.of("created_at", STORED_NOW, "updated_at", STORED_NOW), values(write.whenNew()));
    }

    @Test
    void eachValueIsStoredAsItsFieldsKind() {
        TelemetryMerge.Write write = merge.upsert(new TelemetryChanges(Map.of(Field.TELEMETRY, "{}",
                Field.METRICS_ALGO_VERSION, 1.2, Field.TOTAL_TIME, 5L)));
        Map<String, Type> types = new HashMap<>();
        write.whenNew().forEach(a -> types.put(a.column(), a.type()));
        assertEquals(Map.of("telemetry", Type.JSON, "metrics_algo_version", Type.NUMBER, "total_time_micros",
                Type.MICROS, "created_at", Type.TIMESTAMP, "updated_at", Type.TIMESTAMP), types);
    }
}
