package dev.pulse.telemetry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fields one request sets, already validated: only these columns are written, so a partial
 * POST or PUT never overwrites what another request stored in a field this one did not carry.
 * A value may be null (a nullable field cleared on purpose).
 */
public record TelemetryChanges(Map<Field, Object> values) {

    /** The writable fields: wire name, column, and how the value is stored. */
    public enum Field {
        TELEMETRY("telemetry", "telemetry", Kind.JSON_OBJECT),
        ENGAGEMENT_SCORE("engagement_score", "engagement_score", Kind.NUMBER),
        FRUSTRATION_SCORE("frustration_score", "frustration_score", Kind.NUMBER),
        METRICS_ALGO_VERSION("metrics_algo_version", "metrics_algo_version", Kind.NUMBER),
        METRICS("metrics", "metrics", Kind.JSON_OBJECT),
        TOTAL_TIME("total_time", "total_time_micros", Kind.MICROS),
        COMPLETION_RATE("completion_rate", "completion_rate", Kind.NUMBER);

        /** JSON_OBJECT values are JSON text, NUMBER values Doubles, MICROS values Longs. */
        public enum Kind { JSON_OBJECT, NUMBER, MICROS }

        private final String wireName;
        private final String column;
        private final Kind kind;

        Field(String wireName, String column, Kind kind) {
            this.wireName = wireName;
            this.column = column;
            this.kind = kind;
        }

        public String wireName() {
            return wireName;
        }

        public String column() {
            return column;
        }

        public Kind kind() {
            return kind;
        }
    }

    public TelemetryChanges {
        EnumMap<Field, Object> copy = new EnumMap<>(Field.class);
        copy.putAll(values);
        copy.forEach((field, value) -> {
            if (value != null && !switch (field.kind()) {
                case JSON_OBJECT -> value instanceof String;
                case NUMBER -> value instanceof Double;
                case MICROS -> value instanceof Long;
            }) {
                throw new IllegalArgumentException(field.wireName() + " cannot hold a " + value.getClass().getSimpleName());
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(Field field) {
        return values.containsKey(field);
    }

    public Object get(Field field) {
        return values.get(field);
    }
}
