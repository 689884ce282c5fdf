package dev.pulse.activity;

import dev.pulse.platform.api.ApiError;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one Activity API body, collecting every field's problem so that
 * {@link #check()} answers one 400 ({@code {"field":["message"]}}) naming all of them.
 */
final class ActivityFields {

    /** The largest {@code data} (and {@code details}, {@code message}) accepted, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = 64 * 1024;
    static final String REQUIRED = "This field is required.";
    static final String NUL = "Null characters are not allowed.";
    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private final JsonObject json;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private ActivityFields(JsonObject json) {
        this.json = json;
    }

    /** A body that is not a JSON object is refused before any field is looked at. */
    static ActivityFields of(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.invalid(Map.of("non_field_errors", List.of("The request body must be a JSON object.")));
        }
        JsonValue value;
        try (var reader = READERS.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw ApiError.invalid(Map.of("non_field_errors", List.of("The request body is not valid JSON.")));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.invalid(Map.of("non_field_errors", List.of("The request body must be a JSON object.")));
        }
        return new ActivityFields(value.asJsonObject());
    }

    boolean absent(String field) {
        return !json.containsKey(field) || json.isNull(field);
    }

    JsonValue raw(String field) {
        return json.get(field);
    }

    void fail(String field, String message) {
        errors.put(field, List.of(message));
    }

    boolean failed(String field) {
        return errors.containsKey(field);
    }

    /** Throws the 400 naming every field that failed. */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
    }

    String requiredText(String field) {
        if (absent(field)) {
            fail(field, REQUIRED);
            return null;
        }
        if (!(json.get(field) instanceof JsonString s)) {
            fail(field, "Not a valid string.");
            return null;
        }
        String text = s.getString().trim();
        if (text.isEmpty()) {
            fail(field, "This field may not be blank.");
            return null;
        }
        return storable(field, text) ? text : null;
    }

    String optionalText(String field, int maxChars) {
        if (absent(field)) {
            return null;
        }
        if (!(json.get(field) instanceof JsonString s)) {
            fail(field, "Not a valid string.");
            return null;
        }
        String text = s.getString();
        if (text.length() > maxChars) {
            fail(field, "Ensure this field has no more than " + maxChars + " characters.");
            return null;
        }
        return storable(field, text) ? text : null;
    }

    /** NUL cannot be stored in PostgreSQL text or jsonb; oversized text is refused before it costs anything. */
    boolean storable(String field, String text) {
        if (text.indexOf('\u0000') >= 0) {
            fail(field, NUL);
            return false;
        }
        if (text.length() > MAX_TEXT_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            fail(field, "Ensure this field has no more than " + MAX_TEXT_BYTES + " bytes (64 KiB).");
            return false;
        }
        return true;
    }

    /** A user or cohort reference: a string (slug, email, uuid) or a positive integer id. */
    String reference(String field) {
        if (absent(field)) {
            return null;
        }
        JsonValue value = json.get(field);
        if (value instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= 254
                && s.getString().indexOf('\u0000') < 0) {
            return s.getString().trim();
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().signum() > 0
                && n.bigIntegerValue().bitLength() < 63) {
            return n.bigIntegerValue().toString();
        }
        fail(field, "Give a slug, an email or a numeric id.");
        return null;
    }

    /** An integer given as a JSON number or a numeric string ({@code "900"}). */
    Integer integer(String field) {
        if (absent(field)) {
            return null;
        }
        JsonValue value = json.get(field);
        try {
            if (value instanceof JsonNumber n) {
                return n.bigDecimalValue().intValueExact();
            }
            if (value instanceof JsonString s) {
                return Integer.parseInt(s.getString().trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the field error
        }
        fail(field, "A valid integer is required.");
        return null;
    }
}
