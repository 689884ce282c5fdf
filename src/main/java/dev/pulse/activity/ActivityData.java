package dev.pulse.activity;

import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * The {@code data} of an activity or coding error: any string. A JSON object or array encoded in
 * the string is kept as that JSON; anything else is kept as a JSON string. An object may name the
 * activity's {@code cohort}.
 */
final class ActivityData {

    static final String NOT_A_STRING = "Not a valid string: send data as a string, JSON-encoded if it is an object.";

    private ActivityData() {
    }

    /** Reads {@code data} from a body: the JSON text to store, or null when absent or refused. */
    static String read(JsonObject body, JsonFields fields) {
        if (!fields.has("data")) {
            return null;
        }
        if (!(body.get("data") instanceof JsonString s)) {
            fields.fail("data", NOT_A_STRING);
            return null;
        }
        String text = s.getString();
        if (text.indexOf('\u0000') >= 0) {
            fields.fail("data", fields.messages().nullCharacter());
            return null;
        }
        if (ActivityBodies.withinBytes(fields, "data", text) == null) {
            return null;
        }
        JsonValue stored = stored(text);
        Optional<JsonBodies.Unstorable> unstorable = JsonBodies.unstorable(stored);
        if (unstorable.isPresent()) {
            fields.fail("data", fields.messages().unstorable(unstorable.get()));
            return null;
        }
        return stored.toString();
    }

    /** The JSON stored for {@code text}: the JSON it holds, or else the text itself as a JSON string. */
    private static JsonValue stored(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            Optional<JsonValue> json = JsonBodies.parse(new StringReader(trimmed));
            if (json.isPresent()) {
                return json.get();
            }
            // not JSON after all: plain text
        }
        return JsonBodies.provider().createValue(text);
    }

    /** The {@code cohort} named inside stored JSON data: a slug or an id; anything else, or a longer text than any reference, names no cohort. */
    static String cohortIn(String data) {
        if (!data.startsWith("{")) {
            return null;
        }
        Optional<JsonValue> json = JsonBodies.parse(new StringReader(data));
        if (json.isEmpty() || !(json.get() instanceof JsonObject object)) {
            return null;
        }
        if (object.get("cohort") instanceof JsonString s && !s.getString().isBlank()
                && s.getString().trim().length() <= JsonFields.MAX_REFERENCE) {
            return s.getString().trim();
        }
        if (object.get("cohort") instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
            return Long.toString(n.longValue());
        }
        return null;
    }
}
