package dev.pulse.activity;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/**
 * The {@code data} of an activity or coding error: any string. A JSON object or array encoded in
 * the string is kept as that JSON; anything else is kept as a JSON string. An object may name the
 * activity's {@code cohort}.
 */
final class ActivityData {

    static final String NOT_A_STRING = "Not a valid string: send data as a string, JSON-encoded if it is an object.";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    private ActivityData() {
    }

    /** Reads {@code data} from a body: the JSON text to store, or null when absent or refused. */
    static String read(ActivityFields fields) {
        if (fields.absent("data")) {
            return null;
        }
        if (!(fields.raw("data") instanceof JsonString s)) {
            fields.fail("data", NOT_A_STRING);
            return null;
        }
        String text = s.getString();
        if (!fields.storable("data", text)) {
            return null;
        }
        String stored = stored(text);
        if (stored == null) {
            fields.fail("data", ActivityFields.NUL);
        }
        return stored;
    }

    /** The JSON text stored for {@code text}; null when encoded JSON hides a NUL, which jsonb cannot hold. */
    static String stored(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try (var reader = READERS.createReader(new StringReader(trimmed))) {
                JsonStructure structure = reader.read();
                String encoded = structure.toString();
                return encoded.contains("\\u0000") ? null : encoded;
            } catch (JsonException | IllegalStateException e) {
                // not JSON after all: plain text
            }
        }
        return JSON.createValue(text).toString();
    }

    /** The {@code cohort} named inside stored JSON data: a slug or an id; anything else names no cohort. */
    static String cohortIn(String data) {
        if (!data.startsWith("{")) {
            return null;
        }
        try (var reader = READERS.createReader(new StringReader(data))) {
            JsonObject object = reader.readObject();
            if (object.get("cohort") instanceof JsonString s && !s.getString().isBlank()) {
                return s.getString().trim();
            }
            if (object.get("cohort") instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
                return Long.toString(n.longValue());
            }
            return null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
