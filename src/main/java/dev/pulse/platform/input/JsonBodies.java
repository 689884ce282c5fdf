package dev.pulse.platform.input;

import dev.pulse.platform.api.ApiError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request bodies as JSON-P values, through the one JSON-P provider of the application (looked up once:
 * {@code Json.createXxx} would search the ServiceLoader on every call). The errors are family-neutral:
 * {@code 400 malformed-json} and, for a body that must be an object, {@code 400 invalid-body}.
 */
public final class JsonBodies {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());

    private JsonBodies() {
    }

    /** For building JSON (objects, arrays, values) without another provider lookup. */
    public static JsonProvider provider() {
        return PROVIDER;
    }

    /** The body as a JSON object; an absent or blank body is an object with no fields. */
    public static JsonObject object(String raw) {
        if (raw == null || raw.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return object(value(raw));
    }

    /**
     * Like {@link #object(String)} for a stream, read to its end (a size limit is the caller's, or the
     * platform's {@code BodyLimits}, whose exception is kept as the cause so that it is still answered 413).
     */
    public static JsonObject object(InputStream raw) {
        byte[] bytes;
        try {
            bytes = raw == null ? new byte[0] : raw.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (isBlank(bytes)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            throw malformed();
        }
        return object(value);
    }

    /** Any JSON value; a 400 {@code malformed-json} when the text is not JSON (blank text included). */
    public static JsonValue value(String raw) {
        return parse(raw).orElseThrow(JsonBodies::malformed);
    }

    /** What reading a body as a stream of parser events found. */
    public enum Reading {
        WELL_FORMED,
        /** Not one complete JSON text: a parser's error, its nesting limit included. */
        MALFORMED,
        /** A string or member name holding a NUL character, which no text column of PostgreSQL can store. */
        NUL_CHARACTER
    }

    /** Reads the bytes as a stream of events, without building the value. */
    public static Reading read(byte[] bytes) {
        try (JsonParser parser = PROVIDER.createParser(new ByteArrayInputStream(bytes))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if ((event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING)
                        && parser.getString().indexOf('\0') >= 0) {
                    return Reading.NUL_CHARACTER;
                }
            }
            return Reading.WELL_FORMED;
        } catch (RuntimeException e) {
            return Reading.MALFORMED;
        }
    }

    /** Any JSON value, or empty when the text is not JSON: for callers that word the failure themselves. */
    public static Optional<JsonValue> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return parse(new StringReader(raw));
    }

    /** Like {@link #parse(String)} for text held elsewhere (a stored document, a field holding JSON). */
    public static Optional<JsonValue> parse(Reader raw) {
        try (JsonReader reader = READERS.createReader(raw)) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException e) {
            // besides JsonException, Parsson reports nesting deeper than its limit as a plain RuntimeException
            return Optional.empty();
        }
    }

    /** What PostgreSQL's jsonb cannot hold, or would hold only as pages of digits. */
    public enum Unstorable {
        /** PostgreSQL refuses a NUL character in text and jsonb. */
        NUL_CHARACTER,
        /**
         * jsonb keeps a number as numeric, written out in full: {@code 1e131071} becomes 131,072 digits
         * and {@code 1e131072} is refused. A stored number stays within a 64-bit float's range.
         */
        NUMBER_OUT_OF_RANGE
    }

    /** The most digits a stored number may have before its point: a 64-bit float reaches 1.8e308. */
    static final int MAX_WHOLE_DIGITS = 309;

    /** The most digits after its point: a 64-bit float's smallest value, 4.9e-324, with 17 significant digits. */
    static final int MAX_FRACTION_DIGITS = 341;

    /**
     * The first thing in the value that jsonb cannot store: a NUL character in any string or member
     * name, or a number beyond a 64-bit float's range. Iterative, so a deeply nested document cannot
     * overflow the stack.
     */
    public static Optional<Unstorable> unstorable(JsonValue root) {
        Deque<JsonValue> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonValue v = pending.pop();
            if (v instanceof JsonObject o) {
                for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                    if (e.getKey().indexOf('\0') >= 0) {
                        return Optional.of(Unstorable.NUL_CHARACTER);
                    }
                    pending.push(e.getValue());
                }
            } else if (v instanceof JsonArray a) {
                a.forEach(pending::push);
            } else if (v instanceof JsonString s && s.getString().indexOf('\0') >= 0) {
                return Optional.of(Unstorable.NUL_CHARACTER);
            } else if (v instanceof JsonNumber n && !storable(n.bigDecimalValue())) {
                return Optional.of(Unstorable.NUMBER_OUT_OF_RANGE);
            }
        }
        return Optional.empty();
    }

    private static boolean storable(BigDecimal number) {
        // precision - scale digits before the point (more than the precision when the scale is negative)
        long whole = (long) number.precision() - number.scale();
        return whole <= MAX_WHOLE_DIGITS && number.scale() <= MAX_FRACTION_DIGITS;
    }

    private static JsonObject object(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.badRequest("invalid-body", "The request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** The 400 every family answers for a body that is not JSON. */
    public static ApiError malformed() {
        return ApiError.badRequest("malformed-json", "Malformed JSON in the request body");
    }

    /** What a body bound as a whole is told about a NUL character in its text. */
    public static final String NUL_MESSAGE = "Null characters are not allowed.";

    /**
     * The 400 for a body bound as a whole that holds a NUL character: a field error naming the first member
     * that holds one, by its path of member names ({@code request.activityId}; array positions are left out).
     */
    public static ApiError nulCharacter(byte[] bytes) {
        return ApiError.invalid(Map.of(memberHoldingNul(bytes), List.of(NUL_MESSAGE)));
    }

    private static String memberHoldingNul(byte[] bytes) {
        Deque<String> enclosing = new ArrayDeque<>();
        String member = null;
        try (JsonParser parser = PROVIDER.createParser(new ByteArrayInputStream(bytes))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME) {
                    member = parser.getString();
                }
                if ((event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING)
                        && parser.getString().indexOf('\0') >= 0) {
                    List<String> path = new ArrayList<>();
                    enclosing.descendingIterator().forEachRemaining(path::add);
                    path.add(member == null ? "" : member);
                    String named = String.join(".", path.stream().filter(name -> !name.isEmpty()).toList());
                    return named.isEmpty() ? "body" : named;
                }
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        enclosing.push(member == null ? "" : member);
                        member = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        enclosing.pop();
                        member = null;
                    }
                    default -> {
                    }
                }
            }
        }
        return "body";
    }

    /** JSON's white space only: no body at all, as for text. */
    /** Only JSON whitespace, or nothing. */
    static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
