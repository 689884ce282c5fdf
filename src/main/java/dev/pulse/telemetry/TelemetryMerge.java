package dev.pulse.telemetry;

import dev.pulse.telemetry.TelemetryChanges.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one request's changes merge into a student's record for an asset. A new record gets the
 * fields the body carries (the others stay empty) and is created and updated now; an existing
 * record gets only those fields, is updated now and keeps its creation time. A field sent as
 * null is cleared; a field not sent is never written, so that racing partial writes keep each
 * other's fields. Pure: {@link TelemetryStore} runs a {@link Write} as one SQL statement, which
 * lets the database decide between the two cases under concurrency.
 */
final class TelemetryMerge {

    private final Clock clock;

    TelemetryMerge(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How a value is stored: JSON text into jsonb, a Double, microseconds as a Long, or a timestamp. */
    enum Type { JSON, NUMBER, MICROS, TIMESTAMP }

    /** One column a write sets, and its value (null clears it). */
    record Assignment(String column, Object value, Type type) {
    }

    /**
     * The columns a write sets when the record is new, and when it already exists; {@code unlessSame}: an
     * existing record whose fields already hold these values is left as it is, updated time included.
     */
    record Write(List<Assignment> whenNew, List<Assignment> whenExisting, boolean unlessSame) {
        Write {
            whenNew = List.copyOf(whenNew);
            whenExisting = List.copyOf(whenExisting);
        }

        /** The columns a new record gets from the request, without its times: what {@code unlessSame} compares. */
        List<String> fieldColumns() {
            return whenNew.stream().filter(a -> a.type() != Type.TIMESTAMP).map(Assignment::column).toList();
        }

        /** About how many bytes the write stores: its text and JSON values, the bulk of any large one. */
        long bytes() {
            return whenNew.stream().mapToLong(a -> a.value() instanceof String text ? text.length() : 8).sum();
        }
    }

    /** POST: creates the record or merges into the existing one. */
    Write upsert(TelemetryChanges changes) {
        Instant now = now();
        List<Assignment> whenNew = fields(changes);
        whenNew.add(new Assignment("created_at", now, Type.TIMESTAMP));
        whenNew.add(new Assignment("updated_at", now, Type.TIMESTAMP));
        return new Write(whenNew, existing(changes, now), false);
    }

    /**
     * LearnPack's POST: as {@link #upsert}, but the same blob sent again (it re-sends the whole blob after
     * every test, quiz and step) writes nothing, so a repeat costs a comparison instead of a new row version.
     */
    Write upsertUnlessSame(TelemetryChanges changes) {
        Write upsert = upsert(changes);
        return new Write(upsert.whenNew(), upsert.whenExisting(), true);
    }

    /** PUT: merges into an existing record only; there is nothing to write when the record is new. */
    Write update(TelemetryChanges changes) {
        return new Write(List.of(), existing(changes, now()), false);
    }

    private static List<Assignment> existing(TelemetryChanges changes, Instant now) {
        List<Assignment> assignments = fields(changes);
        assignments.add(new Assignment("updated_at", now, Type.TIMESTAMP));
        return assignments;
    }

    private static List<Assignment> fields(TelemetryChanges changes) {
        List<Assignment> assignments = new ArrayList<>();
        changes.values().forEach((field, value) -> assignments.add(new Assignment(field.column(), value, type(field))));
        return assignments;
    }

    private static Type type(Field field) {
        return switch (field.kind()) {
            case JSON_OBJECT -> Type.JSON;
            case NUMBER -> Type.NUMBER;
            case MICROS -> Type.MICROS;
        };
    }

    /** PostgreSQL keeps microseconds; cutting here keeps cursors and responses equal to what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
