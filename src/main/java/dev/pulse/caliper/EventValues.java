package dev.pulse.caliper;

import dev.pulse.platform.input.StorableTime;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads values out of a Caliper event's JSON without judging them: members of objects that may be
 * missing, strings, entity ids. A blank string counts as absent, as the hub's table treats it.
 */
final class EventValues {

    private EventValues() {
    }

    static JsonValue member(JsonValue holder, String name) {
        return holder instanceof JsonObject o ? o.get(name) : null;
    }

    static boolean absent(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL
                || (v instanceof JsonString s && s.getString().isBlank());
    }

    static boolean present(JsonValue v) {
        return !absent(v);
    }

    static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** The id of an entity reference: the IRI itself, or the object's string or numeric id. */
    static String idOf(JsonValue ref) {
        if (ref instanceof JsonString s) {
            return s.getString();
        }
        JsonValue id = member(ref, "id");
        if (id instanceof JsonString s) {
            return s.getString();
        }
        return id instanceof JsonNumber n ? n.toString() : null;
    }

    static String firstId(JsonValue... refs) {
        for (JsonValue ref : refs) {
            String id = idOf(ref);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    static Double number(JsonValue v) {
        return v instanceof JsonNumber n ? toDouble(n.bigDecimalValue()) : null;
    }

    static Double toDouble(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    /** A date-time a rule did not require: unparseable or not storable means unknown. */
    static Instant timeOrNull(JsonValue v) {
        return parseTime(text(v)).filter(StorableTime::isStorable).map(t -> StorableTime.of(t).instant()).orElse(null);
    }

    /**
     * ISO 8601 in Caliper's form (a local time or a date read as UTC); unlike a query parameter, an
     * event's time has no spaces in or around it.
     */
    static Optional<Instant> parseTime(String s) {
        if (s == null || s.indexOf(' ') >= 0 || !s.equals(s.trim())) {
            return Optional.empty();
        }
        return StorableTime.parse(s, CaliperFieldMessages.CALIPER.timeForm());
    }
}
