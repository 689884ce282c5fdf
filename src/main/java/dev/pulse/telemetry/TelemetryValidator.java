package dev.pulse.telemetry;

import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.input.Slug;
import dev.pulse.telemetry.TelemetryChanges.Field;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a telemetry body the way BreatheCode's serializer does and answers with its exact
 * messages, every field's at once, collected by {@link JsonFields} in
 * {@link FieldMessages#BREATHECODE}'s words. Works on the JSON-P tree rather than a bound record
 * so that a wrong type in one field ("A valid number is required.") is reported next to the
 * others instead of failing the whole body. Its field kinds are its own: a number may come as
 * numeric text, a duration in two formats, and a JSON null clears a number or a duration but is
 * not a JSON object. Unknown and read-only fields ({@code id}, {@code user},
 * {@code asset_slug}, timestamps) are ignored. Pure: no container, no database.
 */
public final class TelemetryValidator {

    /** BreatheCode's wording; the texts below are those of field kinds only telemetry has. */
    static final FieldMessages MESSAGES = FieldMessages.BREATHECODE;
    static final String NOT_A_NUMBER = "A valid number is required.";
    static final String BAD_DURATION =
            "Duration has wrong format. Use one of these formats instead: [HH:MM:SS, PT...].";
    static final String NEGATIVE_DURATION = "Ensure this value is greater than or equal to 00:00:00.";

    private static final Pattern NUMERIC_TEXT = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private TelemetryValidator() {
    }

    /** Throws a 400 naming the path's asset slug when it is not a {@link Slug}. */
    public static void requireSlug(String assetSlug) {
        JsonFields problems = JsonFields.of(Map.of(), MESSAGES);
        assetSlug(assetSlug, problems);
        problems.check();
    }

    private static void assetSlug(String assetSlug, JsonFields problems) {
        Slug.problems(assetSlug, MESSAGES).forEach(problem -> problems.fail("asset_slug", problem));
    }

    /**
     * The changes a body asks for, or a 400 listing every wrong field (and a wrong path slug).
     * A null body (nothing sent) asks for no change.
     */
    public static TelemetryChanges validate(String assetSlug, JsonValue body) {
        JsonObject object = body instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonFields problems = JsonFields.of(object, MESSAGES);
        assetSlug(assetSlug, problems);
        if (body != null && body.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.fail("non_field_errors", "Invalid data. Expected a dictionary, but got " + pythonType(body) + ".");
            problems.check();
        }
        Map<Field, Object> values = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (!object.containsKey(field.wireName())) {
                continue;
            }
            JsonValue value = object.get(field.wireName());
            List<String> wrong = new ArrayList<>();
            Object accepted = switch (field.kind()) {
                case NUMBER -> number(value, field != Field.METRICS_ALGO_VERSION, wrong);
                case MICROS -> duration(value, wrong);
                case JSON_OBJECT -> jsonObject(value, wrong);
            };
            if (wrong.isEmpty()) {
                values.put(field, accepted);
            } else {
                wrong.forEach(problem -> problems.fail(field.wireName(), problem));
            }
        }
        problems.check();
        return new TelemetryChanges(values);
    }

    /** A JSON number or numeric text (DRF's FloatField takes both); scores are kept within [0, 100]. */
    private static Double number(JsonValue value, boolean percentage, List<String> problems) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        BigDecimal decimal = null;
        try {
            if (value instanceof JsonNumber n) {
                decimal = n.bigDecimalValue();
            } else if (value instanceof JsonString s && NUMERIC_TEXT.matcher(s.getString().strip()).matches()) {
                decimal = new BigDecimal(s.getString().strip());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            decimal = null; // an exponent beyond what a decimal can hold
        }
        double d = decimal == null ? Double.NaN : decimal.doubleValue();
        if (!Double.isFinite(d)) {
            problems.add(NOT_A_NUMBER);
            return null;
        }
        if (percentage && d > 100) {
            problems.add(MESSAGES.aboveMax(0, 100));
        } else if (percentage && d < 0) {
            problems.add(MESSAGES.belowMin(0, 100));
        }
        return d == 0 ? 0.0 : d; // never store -0.0
    }

    private static Long duration(JsonValue value, List<String> problems) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Optional<Long> micros = value instanceof JsonString s ? TotalTime.parse(s.getString()) : Optional.empty();
        if (micros.isEmpty()) {
            problems.add(BAD_DURATION);
            return null;
        }
        if (micros.get() < 0) {
            problems.add(NEGATIVE_DURATION);
            return null;
        }
        return micros.get();
    }

    /** A JSON object, as compact JSON text; what PostgreSQL's jsonb cannot hold is refused here. */
    private static String jsonObject(JsonValue value, List<String> problems) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add(MESSAGES.notAnObject());
            return null;
        }
        Optional<JsonBodies.Unstorable> unstorable = JsonBodies.unstorable(value);
        if (unstorable.isPresent()) {
            problems.add(MESSAGES.unstorable(unstorable.get()));
            return null;
        }
        return value.toString();
    }


    /** The Python type name DRF puts in "Expected a dictionary, but got X." */
    static String pythonType(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "list";
            case STRING -> "str";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "int" : "float";
            case TRUE, FALSE -> "bool";
            case NULL -> "NoneType";
            case OBJECT -> "dict";
        };
    }
}
