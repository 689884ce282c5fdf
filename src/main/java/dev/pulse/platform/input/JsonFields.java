package dev.pulse.platform.input;

import dev.pulse.platform.api.ApiError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one reader of request fields for APIs whose exact error texts need it. Each getter checks one
 * field and, when it is wrong, records a problem in the family's words and returns null (or empty);
 * {@link #check()} then throws one 400 naming every bad field, in the order they were read. An absent
 * field and a JSON {@code null} are the same.
 *
 * <pre>{@code
 * JsonFields fields = JsonFields.of(JsonBodies.object(body), FieldMessages.BREATHECODE);
 * String name = fields.text("name", 100);
 * Optional<Integer> day = fields.optionalInteger("day", 0, Integer.MAX_VALUE);
 * fields.check();
 * }</pre>
 */
public final class JsonFields {

    /** The longest user reference (an email address can have 254 characters). */
    public static final int MAX_REFERENCE = 254;

    private final JsonObject body;
    private final FieldMessages messages;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    private JsonFields(JsonObject body, FieldMessages messages) {
        this.body = Objects.requireNonNull(body, "body");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public static JsonFields of(JsonObject body, FieldMessages messages) {
        return new JsonFields(body == null ? JsonValue.EMPTY_JSON_OBJECT : body, messages);
    }

    /** Query or form parameters read like a body of strings; null values are absent. */
    public static JsonFields of(Map<String, String> parameters, FieldMessages messages) {
        JsonObjectBuilder builder = JsonBodies.provider().createObjectBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                builder.add(name, value);
            }
        });
        return new JsonFields(builder.build(), messages);
    }

    public FieldMessages messages() {
        return messages;
    }

    /** Present and not JSON null. */
    public boolean has(String name) {
        return body.containsKey(name) && body.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    // ---- text ----

    /** A required string, trimmed, not blank, at most {@code max} characters. */
    public String text(String name, int max) {
        return required(name, optionalText(name, max));
    }

    /** Like {@link #text} when present. */
    public Optional<String> optionalText(String name, int max) {
        return string(name).flatMap(raw -> {
            String text = raw.trim();
            if (text.isEmpty()) {
                fail(name, messages.blank());
                return Optional.empty();
            }
            return within(name, text, max);
        });
    }

    /** A string exactly as sent (maybe blank, never trimmed), at most {@code max} characters, when present. */
    public Optional<String> optionalVerbatim(String name, int max) {
        return string(name).flatMap(text -> within(name, text, max));
    }

    /** A present string that PostgreSQL can store (no NUL character). */
    private Optional<String> string(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(body.get(name) instanceof JsonString s)) {
            fail(name, messages.notAString());
            return Optional.empty();
        }
        if (s.getString().indexOf('\0') >= 0) {
            fail(name, messages.nullCharacter());
            return Optional.empty();
        }
        return Optional.of(s.getString());
    }

    private Optional<String> within(String name, String text, int max) {
        if (text.length() > max) {
            fail(name, messages.tooLong(max));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A secret (a password): required, a non-blank string of at most {@code max} characters, never trimmed. */
    public String secret(String name, int max) {
        if (!has(name)) {
            fail(name, messages.required());
            return null;
        }
        if (!(body.get(name) instanceof JsonString s)) {
            fail(name, messages.secretNotAString(max));
            return null;
        }
        if (s.getString().isBlank()) {
            fail(name, messages.secretBlank(max));
            return null;
        }
        if (s.getString().length() > max) {
            fail(name, messages.secretTooLong(max));
            return null;
        }
        return s.getString();
    }

    /** A required slug of at most {@link Slug#MAX_LENGTH} characters; spaces around it are ignored. */
    public String slug(String name) {
        return slug(name, Slug.MAX_LENGTH);
    }

    /** A required slug of at most {@code max} characters (a column shorter than {@link Slug#MAX_LENGTH}). */
    public String slug(String name, int max) {
        return required(name, optionalSlug(name, max));
    }

    public Optional<String> optionalSlug(String name, int max) {
        Optional<String> text = optionalText(name, Integer.MAX_VALUE);
        if (text.isEmpty()) {
            return text;
        }
        List<String> slugProblems = Slug.problems(text.get(), max, messages);
        slugProblems.forEach(problem -> fail(name, problem));
        return slugProblems.isEmpty() ? text : Optional.empty();
    }

    // ---- numbers ----

    /**
     * A required whole number within [min, max], given as a JSON number ({@code 5} or {@code 5.0}) or as
     * numeric text ({@code "5"}).
     */
    public Integer integer(String name, int min, int max) {
        return required(name, optionalInteger(name, min, max));
    }

    public Optional<Integer> optionalInteger(String name, int min, int max) {
        return optionalLong(name, min, max).map(Long::intValue);
    }

    /** A required positive id (a JSON number or numeric text) that fits a {@code long}. */
    public Long longId(String name) {
        return required(name, optionalLong(name, 1, Long.MAX_VALUE));
    }

    public Optional<Long> optionalLongId(String name) {
        return optionalLong(name, 1, Long.MAX_VALUE);
    }

    private Optional<Long> optionalLong(String name, long min, long max) {
        if (!has(name)) {
            return Optional.empty();
        }
        Long number = wholeNumber(body.get(name));
        if (number == null) {
            fail(name, messages.notAnInteger(min, max));
            return Optional.empty();
        }
        if (number < min) {
            fail(name, messages.belowMin(min, max));
            return Optional.empty();
        }
        if (number > max) {
            fail(name, messages.aboveMax(min, max));
            return Optional.empty();
        }
        return Optional.of(number);
    }

    private static Long wholeNumber(JsonValue value) {
        try {
            if (value instanceof JsonNumber n) {
                return n.bigDecimalValue().longValueExact();
            }
            if (value instanceof JsonString s) {
                String text = s.getString().trim();
                return text.length() > 20 ? null : Long.parseLong(text);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // a fraction, or beyond a long: not a whole number this API takes
        }
        return null;
    }

    // ---- references, times, booleans, structures ----

    /**
     * A required reference to a user or a cohort as the client sent it: a non-blank string (a slug, an
     * email, a uuid; trimmed, at most {@value #MAX_REFERENCE} characters) or a positive whole number.
     * Whether it names anything is the service's call.
     */
    public String reference(String name) {
        return required(name, optionalReference(name));
    }

    public Optional<String> optionalReference(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonValue value = body.get(name);
        if (value instanceof JsonString s && !s.getString().isBlank() && s.getString().trim().length() <= MAX_REFERENCE
                && s.getString().indexOf('\0') < 0) {
            return Optional.of(s.getString().trim());
        }
        if (value instanceof JsonNumber n && positiveLong(n.bigDecimalValue())) {
            return Optional.of(Long.toString(n.bigDecimalValue().longValueExact()));
        }
        fail(name, messages.notAReference());
        return Optional.empty();
    }

    /** Without expanding the number: {@code 1e999999999} must not become a billion digits. */
    private static boolean positiveLong(BigDecimal number) {
        try {
            return number.longValueExact() > 0;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** A required ISO 8601 time in the family's {@link FieldMessages#timeForm() form} that PostgreSQL can store. */
    public Instant time(String name) {
        return required(name, optionalTime(name));
    }

    public Optional<Instant> optionalTime(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(body.get(name) instanceof JsonString s)) {
            fail(name, messages.notADateTimeString());
            return Optional.empty();
        }
        Optional<Instant> time = StorableTime.parse(s.getString(), messages.timeForm());
        if (time.isEmpty()) {
            fail(name, messages.notADateTime());
            return Optional.empty();
        }
        if (!StorableTime.isStorable(time.get())) {
            fail(name, messages.timeOutOfRange());
            return Optional.empty();
        }
        return time;
    }

    public Boolean bool(String name) {
        return required(name, optionalBool(name));
    }

    public Optional<Boolean> optionalBool(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonValue value = body.get(name);
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return Optional.of(value.getValueType() == JsonValue.ValueType.TRUE);
        }
        fail(name, messages.notABoolean());
        return Optional.empty();
    }

    public JsonObject object(String name) {
        return required(name, optionalObject(name));
    }

    public Optional<JsonObject> optionalObject(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (body.get(name) instanceof JsonObject object) {
            return Optional.of(object);
        }
        fail(name, messages.notAnObject());
        return Optional.empty();
    }

    public JsonArray array(String name) {
        return required(name, optionalArray(name));
    }

    public Optional<JsonArray> optionalArray(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (body.get(name) instanceof JsonArray array) {
            return Optional.of(array);
        }
        fail(name, messages.notAnArray());
        return Optional.empty();
    }

    // ---- problems ----

    /** Records a problem of the caller's own (an unknown choice, a rule between fields), in the family's form. */
    public JsonFields fail(String name, String message) {
        problems.computeIfAbsent(name, k -> new ArrayList<>()).add(messages.attach(name, message));
        return this;
    }

    /** Whether a problem has been recorded for the field. */
    public boolean failed(String name) {
        return problems.containsKey(name);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Throws one 400 naming every bad field; returns this when there is none. */
    public JsonFields check() {
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return this;
    }

    private <T> T required(String name, Optional<T> value) {
        if (value.isEmpty() && !failed(name)) {
            fail(name, messages.required());
        }
        return value.orElse(null);
    }
}
