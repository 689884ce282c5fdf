package dev.pulse.caliper;

import static dev.pulse.caliper.EventValues.absent;
import static dev.pulse.caliper.EventValues.present;
import static dev.pulse.caliper.EventValues.text;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the fields of one Caliper event or envelope and collects every problem, in the order the
 * fields are checked, in the Caliper endpoints' wording ("Field actor.type not informed"). Each
 * check returns the value when it is good, so a rule can go on comparing values.
 */
final class FieldChecks {

    private static final Pattern URN_UUID = Pattern.compile(
            "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    private final List<String> messages = new ArrayList<>();

    static String notInformed(String field) {
        return "Field " + field + " not informed";
    }

    void add(String message) {
        messages.add(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    boolean required(String field, JsonValue v) {
        if (absent(v)) {
            add(notInformed(field));
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
        add("Field " + field + " must be an object");
        return null;
    }

    String string(String field, JsonValue v, boolean required) {
        if (absent(v)) {
            if (required) {
                add(notInformed(field));
            }
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        add("Field " + field + " must be a string");
        return null;
    }

    /** An identifier the source system chose: a string or a number. */
    String idValue(String field, JsonValue v, boolean required) {
        if (absent(v)) {
            if (required) {
                add(notInformed(field));
            }
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        add("Field " + field + " must be a string or a number");
        return null;
    }

    void scalar(String field, JsonValue v) {
        if (present(v) && !(v instanceof JsonString) && !(v instanceof JsonNumber)) {
            add("Field " + field + " must be a string or a number");
        }
    }

    String oneOf(String field, JsonValue v, List<String> accepted) {
        if (absent(v)) {
            add(notInformed(field));
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
            add("Field " + field + " must be one of: " + String.join(", ", accepted));
            return null;
        }
        return s;
    }

    String urnUuid(String field, JsonValue v) {
        String s = string(field, v, true);
        if (s != null && !URN_UUID.matcher(s).matches()) {
            add("Field " + field + " must be a URN of UUID type (urn:uuid:<uuid>)");
            return null;
        }
        return s;
    }

    /** A required IRI given as a string. */
    void iri(String field, JsonValue v) {
        String s = string(field, v, true);
        if (s != null && !IRI.matcher(s).matches()) {
            add("Field " + field + " must be an IRI");
        }
    }

    /** A required absolute http or https URL. */
    void httpUrl(String field, JsonValue v) {
        String s = string(field, v, true);
        if (s != null && !isHttpUrl(s)) {
            add("Field " + field + " must be an http(s) URL");
        }
    }

    BigDecimal number(String field, JsonValue v, boolean required) {
        if (absent(v)) {
            if (required) {
                add(notInformed(field));
            }
            return null;
        }
        if (v instanceof JsonNumber n) {
            BigDecimal d = n.bigDecimalValue();
            if (Double.isInfinite(d.doubleValue())) {
                add("Field " + field + " is out of range");
                return null;
            }
            return d;
        }
        add("Field " + field + " must be a number");
        return null;
    }

    /** A boolean, or its name in any case ("TRUE", "false"), as the hub's integrators send it. */
    void bool(String field, JsonValue v) {
        if (absent(v) || v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return;
        }
        String s = text(v);
        if (s == null || !(s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            add("Field " + field + " must be one of: TRUE, FALSE");
        }
    }

    Instant dateTime(String field, JsonValue v, boolean required) {
        String s = string(field, v, required);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            add("Field " + field + " must be an ISO 8601 date-time with offset, such as 2024-03-01T10:15:00.000Z");
            return null;
        }
    }

    /** A duration in seconds, or as ISO 8601 text; never negative. */
    void duration(String field, JsonValue v) {
        if (v instanceof JsonNumber n) {
            if (n.bigDecimalValue().signum() < 0) {
                add("Field " + field + " must be zero or more seconds");
            }
            return;
        }
        String s = text(v);
        try {
            if (s == null || Duration.parse(s).isNegative()) {
                add("Field " + field + " must be an ISO 8601 duration such as PT300S");
            }
        } catch (DateTimeParseException e) {
            add("Field " + field + " must be an ISO 8601 duration such as PT300S");
        }
    }

    /** A Caliper entity reference: an object with an allowed type (null: any), or an IRI. */
    void entity(String field, JsonValue v, boolean required, Set<String> types) {
        if (absent(v)) {
            if (required) {
                add(notInformed(field));
            }
            return;
        }
        if (v instanceof JsonString s) {
            if (!IRI.matcher(s.getString()).matches()) {
                add("Field " + field + " must be an object or an IRI");
            }
            return;
        }
        if (!(v instanceof JsonObject o)) {
            add("Field " + field + " must be an object or an IRI");
            return;
        }
        String type = text(o.get("type"));
        if (type == null) {
            add(notInformed(field + ".type"));
        } else if (types != null && !types.contains(type)) {
            add("Field " + field + ".type must be one of: " + String.join(", ", new TreeSet<>(types)));
        }
        JsonValue id = o.get("id");
        if (present(id) && (text(id) == null || !IRI.matcher(text(id)).matches())) {
            add("Field " + field + ".id must be an IRI");
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
