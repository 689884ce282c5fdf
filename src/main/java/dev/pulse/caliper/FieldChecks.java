package dev.pulse.caliper;

import static dev.pulse.caliper.EventValues.absent;
import static dev.pulse.caliper.EventValues.present;
import static dev.pulse.caliper.EventValues.text;

import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.StorableTime;
import dev.pulse.platform.input.UrnUuid;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the fields of one Caliper event or envelope and collects every problem, in the order the
 * fields are checked, worded by {@link CaliperFieldMessages} ("Field actor.type not informed"). Each
 * check returns the value when it is good, so a rule can go on comparing values.
 */
final class FieldChecks {

    private static final FieldMessages WORDS = CaliperFieldMessages.CALIPER;
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    private final List<String> messages = new ArrayList<>();

    void missing(String field) {
        fail(field, WORDS.required());
    }

    /** A problem of the caller's own with one field: {@code message} says what is wrong ("must be ..."). */
    void fail(String field, String message) {
        messages.add(WORDS.attach(field, message));
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    boolean required(String field, JsonValue v) {
        return given(field, v, true);
    }

    /** Whether the value is there; an absent one is reported missing when the field is required. */
    private boolean given(String field, JsonValue v, boolean required) {
        if (absent(v)) {
            if (required) {
                missing(field);
            }
            return false;
        }
        return true;
    }

    /** An object that may be absent; when a required one is absent, its own required members say so. */
    JsonObject object(String field, JsonValue v) {
        if (absent(v)) {
            return null;
        }
        if (v instanceof JsonObject o) {
            return o;
        }
        fail(field, WORDS.notAnObject());
        return null;
    }

    String string(String field, JsonValue v, boolean required) {
        if (!given(field, v, required)) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        fail(field, WORDS.notAString());
        return null;
    }

    /** An identifier the source system chose: a string or a number. */
    String idValue(String field, JsonValue v, boolean required) {
        if (!given(field, v, required)) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        fail(field, "must be a string or a number");
        return null;
    }

    void scalar(String field, JsonValue v) {
        if (present(v) && !(v instanceof JsonString) && !(v instanceof JsonNumber)) {
            fail(field, "must be a string or a number");
        }
    }

    String oneOf(String field, JsonValue v, List<String> accepted) {
        if (!required(field, v)) {
            return null;
        }
        return optionalOneOf(field, v, accepted);
    }

    String optionalOneOf(String field, JsonValue v, List<String> accepted) {
        if (absent(v)) {
            return null;
        }
        String s = text(v);
        if (s == null || !accepted.contains(s)) {
            fail(field, "must be one of: " + String.join(", ", accepted));
            return null;
        }
        return s;
    }

    String urnUuid(String field, JsonValue v) {
        String s = string(field, v, true);
        if (s != null && !UrnUuid.isUrnUuid(s)) {
            fail(field, "must be a URN of UUID type (urn:uuid:<uuid>)");
            return null;
        }
        return s;
    }

    /** A required IRI given as a string. */
    void iri(String field, JsonValue v) {
        String s = string(field, v, true);
        if (s != null && !IRI.matcher(s).matches()) {
            fail(field, "must be an IRI");
        }
    }

    /** A required absolute http or https URL. */
    void httpUrl(String field, JsonValue v) {
        String s = string(field, v, true);
        if (s != null && !isHttpUrl(s)) {
            fail(field, "must be an http(s) URL");
        }
    }

    BigDecimal number(String field, JsonValue v, boolean required) {
        if (!given(field, v, required)) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            BigDecimal d = n.bigDecimalValue();
            if (Double.isInfinite(d.doubleValue())) {
                fail(field, "is out of range");
                return null;
            }
            return d;
        }
        fail(field, "must be a number");
        return null;
    }

    /** A boolean, or its name in any case ("TRUE", "false"), as the hub's integrators send it. */
    void bool(String field, JsonValue v) {
        if (absent(v) || v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return;
        }
        String s = text(v);
        if (s == null || !(s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            fail(field, WORDS.notABoolean());
        }
    }

    /** An ISO 8601 date-time (UTC without an offset) or date that PostgreSQL can store, at the precision it keeps. */
    Instant dateTime(String field, JsonValue v, boolean required) {
        String s = string(field, v, required);
        if (s == null) {
            return null;
        }
        Optional<Instant> time = EventValues.parseTime(s);
        if (time.isEmpty()) {
            fail(field, WORDS.notADateTime());
            return null;
        }
        if (!StorableTime.isStorable(time.get())) {
            fail(field, WORDS.timeOutOfRange());
            return null;
        }
        return StorableTime.of(time.get()).instant();
    }

    /** A duration in seconds, or as ISO 8601 text; never negative. */
    void duration(String field, JsonValue v) {
        if (v instanceof JsonNumber n) {
            if (n.bigDecimalValue().signum() < 0) {
                fail(field, "must be zero or more seconds");
            }
            return;
        }
        String s = text(v);
        try {
            if (s == null || Duration.parse(s).isNegative()) {
                fail(field, "must be an ISO 8601 duration such as PT300S");
            }
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO 8601 duration such as PT300S");
        }
    }

    /** A Caliper entity reference: an object with an allowed type (null: any), or an IRI. */
    void entity(String field, JsonValue v, boolean required, Set<String> types) {
        if (!given(field, v, required)) {
            return;
        }
        if (v instanceof JsonString s) {
            if (!IRI.matcher(s.getString()).matches()) {
                fail(field, "must be an object or an IRI");
            }
            return;
        }
        if (!(v instanceof JsonObject o)) {
            fail(field, "must be an object or an IRI");
            return;
        }
        String type = text(o.get("type"));
        if (type == null) {
            missing(field + ".type");
        } else if (types != null && !types.contains(type)) {
            fail(field + ".type", "must be one of: " + String.join(", ", new TreeSet<>(types)));
        }
        JsonValue id = o.get("id");
        if (present(id) && (text(id) == null || !IRI.matcher(text(id)).matches())) {
            fail(field + ".id", "must be an IRI");
        }
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI uri = new URI(s);
            return uri.getScheme() != null && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
