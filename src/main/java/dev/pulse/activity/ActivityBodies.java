package dev.pulse.activity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Activity API's request bodies: a JSON object, or a 400 under {@code non_field_errors} in
 * this API's words; and the byte limit of the free texts ({@code data}, {@code message},
 * {@code details}) on top of what {@link JsonFields} checks.
 */
final class ActivityBodies {

    /** The largest free text accepted, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = 64 * 1024;
    private static final String NOT_AN_OBJECT = "The request body must be a JSON object.";

    private ActivityBodies() {
    }

    /** The body as a JSON object; blank, malformed or not an object is refused before any field is looked at. */
    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw nonField(NOT_AN_OBJECT);
        }
        JsonValue value = JsonBodies.parse(body).orElseThrow(() -> nonField("The request body is not valid JSON."));
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw nonField(NOT_AN_OBJECT);
        }
        return value.asJsonObject();
    }

    /** A required text, trimmed, within the byte limit. */
    static String requiredText(JsonFields fields, String name) {
        return withinBytes(fields, name, fields.text(name, Integer.MAX_VALUE));
    }

    /** An optional text as sent (not trimmed), at most {@code maxChars} characters and within the byte limit. */
    static String optionalText(JsonFields fields, String name, int maxChars) {
        return withinBytes(fields, name, fields.optionalVerbatim(name, maxChars).orElse(null));
    }

    /** Oversized text is refused before it costs anything: the length test first, bytes only when it may matter. */
    static String withinBytes(JsonFields fields, String name, String text) {
        if (text != null && text.length() > MAX_TEXT_BYTES / 3
                && text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            fields.fail(name, "Ensure this field has no more than " + MAX_TEXT_BYTES + " bytes (64 KiB).");
            return null;
        }
        return text;
    }

    private static ApiError nonField(String message) {
        return ApiError.invalid(Map.of("non_field_errors", List.of(message)));
    }
}
