package dev.pulse.live;

import dev.pulse.platform.api.ApiError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Vivere request body field by field, collecting every problem so that one 400 names all
 * missing, blank, oversized or wrongly typed fields at once. Call {@link #check()} before using values.
 */
final class Fields {

    static final String REQUIRED = "This field is required.";

    private final JsonObject body;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private Fields(JsonObject body) {
        this.body = body;
    }

    /** The raw body as a JSON object; an empty body is an object with no fields. */
    static Fields of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Fields(JsonValue.EMPTY_JSON_OBJECT);
        }
        try (JsonReader reader = Json.createReader(new StringReader(raw))) {
            JsonStructure structure = reader.read();
            if (!(structure instanceof JsonObject object)) {
                throw ApiError.badRequest("invalid-body", "The request body must be a JSON object");
            }
            return new Fields(object);
        } catch (JsonException e) {
            throw ApiError.badRequest("malformed-json", "Malformed JSON in the request body");
        }
    }

    static Fields of(Map<String, String> values) {
        var builder = Json.createObjectBuilder();
        values.forEach((k, v) -> {
            if (v != null) {
                builder.add(k, v);
            }
        });
        return new Fields(builder.build());
    }

    boolean has(String name) {
        return body.containsKey(name) && body.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    /** A required non-blank string of at most {@code max} characters, trimmed. */
    String text(String name, int max) {
        return optionalText(name, max).orElseGet(() -> {
            if (!errors.containsKey(name)) {
                fail(name, REQUIRED);
            }
            return null;
        });
    }

    Optional<String> optionalText(String name, int max) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonValue value = body.get(name);
        if (!(value instanceof JsonString s)) {
            fail(name, "Must be a string.");
            return Optional.empty();
        }
        String text = s.getString().trim();
        if (text.isEmpty()) {
            fail(name, "This field may not be blank.");
            return Optional.empty();
        }
        if (text.length() > max) {
            fail(name, "Ensure this field has no more than " + max + " characters.");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A password: required and not blank, but never trimmed. */
    String secret(String name, int max) {
        if (!has(name)) {
            fail(name, REQUIRED);
            return null;
        }
        if (!(body.get(name) instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > max) {
            fail(name, "Must be a non-blank string of at most " + max + " characters.");
            return null;
        }
        return s.getString();
    }

    Instant time(String name) {
        Optional<Instant> time = optionalTime(name);
        if (time.isEmpty() && !errors.containsKey(name)) {
            fail(name, REQUIRED);
        }
        return time.orElse(null);
    }

    Optional<Instant> optionalTime(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(body.get(name) instanceof JsonString s)) {
            fail(name, "Must be an ISO 8601 date-time string.");
            return Optional.empty();
        }
        Optional<Instant> time = LiveTime.parse(s.getString());
        if (time.isEmpty()) {
            fail(name, "Must be an ISO 8601 date-time, like 2017-03-18T00:15:00Z.");
        }
        return time;
    }

    Optional<Integer> optionalInteger(String name, int min, int max) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonValue value = body.get(name);
        Integer number = null;
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                number = n.intValueExact();
            } catch (ArithmeticException e) {
                number = null;
            }
        } else if (value instanceof JsonString s) {
            try {
                number = Integer.parseInt(s.getString().trim());
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        if (number == null || number < min || number > max) {
            fail(name, "Must be a whole number between " + min + " and " + max + ".");
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** A required id as the client sent it (string or number); whether it names anything is the service's call. */
    String id(String name) {
        if (!has(name)) {
            fail(name, REQUIRED);
            return null;
        }
        JsonValue value = body.get(name);
        if (value instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().trim();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        fail(name, "Must be an id.");
        return null;
    }

    /** Live's error body carries messages only, so each names its field. */
    void fail(String name, String message) {
        errors.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(name + ": " + message);
    }

    /** A one-field 400 in the same words. */
    static ApiError invalid(String name, String message) {
        return ApiError.invalid(Map.of(name, List.of(name + ": " + message)));
    }

    /** Throws one 400 naming every bad field. */
    Fields check() {
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        return this;
    }

    /** A numeric id, or empty for anything that is not one (which callers answer with 404). */
    static Optional<Long> idOf(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(raw));
    }
}
