package dev.pulse.activity;

import dev.pulse.platform.api.ApiError;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Activity API's request bodies and query parameters into checked values, collecting
 * every field's problem into one 400 ({@code {"field":["message"]}}), so that no input reaches a
 * store unchecked and nothing a client sends turns into a 500.
 */
public final class ActivityRequests {

    /** The largest {@code data} (and {@code details}, {@code message}) accepted, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    public static final int DEFAULT_LIMIT = 50;
    static final int MAX_USER_AGENT = 300;
    static final int MAX_NAME = 300;
    static final String REQUIRED = "This field is required.";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    private ActivityRequests() {
    }

    /** What a client asked to record; {@code cohort} is a cohort's slug or id still to be resolved. */
    public record NewActivity(String slug, String data, String cohort, Integer day, String userAgent) {
    }

    /** A coding error as posted; {@code user} is an email or id still to be resolved. */
    public record NewCodingError(String user, String slug, String data, String message, String name,
            Integer severity, String details, String userAgent) {
    }

    public static NewActivity activity(String body, Set<String> allowedSlugs) {
        JsonObject json = object(body);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String slug = requiredString(json, "slug", errors);
        if (slug != null && !allowedSlugs.contains(slug)) {
            errors.put("slug", List.of(unknownSlug(slug, allowedSlugs)));
        }
        String data = data(json, errors);
        String cohort = reference(json, "cohort", errors);
        if (cohort == null && data != null) {
            cohort = cohortIn(data);
        }
        Integer day = integer(json, "day", errors);
        if (day != null && day < 0) {
            errors.put("day", List.of("Ensure this value is greater than or equal to 0."));
        }
        String userAgent = optionalString(json, "user_agent", MAX_USER_AGENT, errors);
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        return new NewActivity(slug, data, cohort, day, userAgent);
    }

    public static NewCodingError codingError(String body) {
        JsonObject json = object(body);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String user = reference(json, "user_id", errors);
        if (user == null && !errors.containsKey("user_id")) {
            errors.put("user_id", List.of(REQUIRED));
        }
        String slug = requiredString(json, "slug", errors);
        if (slug != null && (slug.length() > 100 || !ActivitySlugs.looksLikeSlug(slug))) {
            errors.put("slug", List.of(
                    "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens (at most 100)."));
        }
        String data = data(json, errors);
        String message = requiredString(json, "message", errors);
        String name = requiredString(json, "name", errors);
        if (name != null && name.length() > MAX_NAME) {
            errors.put("name", List.of("Ensure this field has no more than " + MAX_NAME + " characters."));
        }
        Integer severity = integer(json, "severity", errors);
        String details = optionalString(json, "details", Integer.MAX_VALUE, errors);
        String userAgent = optionalString(json, "user_agent", MAX_USER_AGENT, errors);
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        return new NewCodingError(user, slug, data, message, name, severity, details, userAgent);
    }

    /** The {@code User-Agent} header as stored: cut to the column's size, never a NUL. */
    public static String headerUserAgent(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String clean = header.replace("\u0000", "").trim();
        return clean.length() > MAX_USER_AGENT ? clean.substring(0, MAX_USER_AGENT) : clean;
    }

    /** The listing parameters of every GET. {@code allowedSlugs} null: any slug-shaped value filters. */
    public static ActivityStore.Window window(String slug, String since, String until, String limit, String cursor,
            Set<String> allowedSlugs) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Set<String> slugs = slugs(slug, allowedSlugs, errors);
        Instant from = instant("since", since, errors);
        Instant to = instant("until", until, errors);
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
                if (size < 1) {
                    errors.put("limit", List.of("Ensure this value is greater than or equal to 1."));
                }
                size = Math.min(size, ActivityStore.Window.MAX_LIMIT);
            } catch (NumberFormatException e) {
                errors.put("limit", List.of("A valid integer is required."));
            }
        }
        Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = Cursor.decode(cursor).orElse(null);
            if (after == null) {
                errors.put("cursor", List.of("Invalid cursor."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        return new ActivityStore.Window(slugs, from, to, after, size);
    }

    /** A comma-separated slug filter; blank means every slug. */
    public static Set<String> slugs(String slug, Set<String> allowedSlugs, Map<String, List<String>> errors) {
        Set<String> slugs = new LinkedHashSet<>();
        if (slug == null || slug.isBlank()) {
            return slugs;
        }
        List<String> problems = new ArrayList<>();
        for (String s : slug.split(",")) {
            String one = s.trim();
            if (one.isEmpty()) {
                continue;
            }
            if (allowedSlugs != null ? !allowedSlugs.contains(one) : !ActivitySlugs.looksLikeSlug(one)) {
                problems.add(allowedSlugs != null ? unknownSlug(one, allowedSlugs) : "'" + one + "' is not a slug.");
            } else {
                slugs.add(one);
            }
        }
        if (!problems.isEmpty()) {
            errors.put("slug", problems);
        }
        return slugs;
    }

    /** ISO 8601: an instant with an offset ({@code 2026-11-23T10:00:00Z}) or a date, meaning its start in UTC. */
    public static Instant instant(String field, String value, Map<String, List<String>> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant at;
        try {
            at = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            try {
                at = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e2) {
                errors.put(field, List.of("Datetime has wrong format. Use ISO 8601, e.g. 2026-11-23T10:00:00Z or 2026-11-23."));
                return null;
            }
        }
        if (!storable(at)) {
            errors.put(field, List.of("Datetime out of range: years 1 to 9999."));
            return null;
        }
        return at;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Within the years every store can hold (PostgreSQL refuses some far years with an error). */
    static boolean storable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    static String unknownSlug(String slug, Set<String> allowed) {
        return "'" + slug + "' is not a valid activity slug; allowed: " + String.join(", ", allowed) + ".";
    }

    private static JsonObject object(String body) {
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
        return value.asJsonObject();
    }

    private static boolean absent(JsonObject json, String field) {
        return !json.containsKey(field) || json.isNull(field);
    }

    private static String requiredString(JsonObject json, String field, Map<String, List<String>> errors) {
        if (absent(json, field)) {
            errors.put(field, List.of(REQUIRED));
            return null;
        }
        JsonValue value = json.get(field);
        if (!(value instanceof JsonString s)) {
            errors.put(field, List.of("Not a valid string."));
            return null;
        }
        String text = s.getString().trim();
        if (text.isEmpty()) {
            errors.put(field, List.of("This field may not be blank."));
            return null;
        }
        if (!storable(text, field, MAX_TEXT_BYTES, errors)) {
            return null;
        }
        return text;
    }

    private static String optionalString(JsonObject json, String field, int maxChars, Map<String, List<String>> errors) {
        if (absent(json, field)) {
            return null;
        }
        if (!(json.get(field) instanceof JsonString s)) {
            errors.put(field, List.of("Not a valid string."));
            return null;
        }
        String text = s.getString();
        if (text.length() > maxChars) {
            errors.put(field, List.of("Ensure this field has no more than " + maxChars + " characters."));
            return null;
        }
        return storable(text, field, MAX_TEXT_BYTES, errors) ? text : null;
    }

    /** NUL cannot be stored in PostgreSQL text or jsonb; oversized text is refused before it costs anything. */
    private static boolean storable(String text, String field, int maxBytes, Map<String, List<String>> errors) {
        if (text.indexOf('\u0000') >= 0) {
            errors.put(field, List.of("Null characters are not allowed."));
            return false;
        }
        if (text.length() > maxBytes / 3 && text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            errors.put(field, List.of("Ensure this field has no more than " + maxBytes + " bytes (64 KiB)."));
            return false;
        }
        return true;
    }

    /**
     * {@code data}: any string. A JSON object or array encoded in the string is kept as that JSON;
     * anything else is kept as a JSON string. Returns the JSON text to store.
     */
    private static String data(JsonObject json, Map<String, List<String>> errors) {
        if (absent(json, "data")) {
            return null;
        }
        if (!(json.get("data") instanceof JsonString s)) {
            errors.put("data", List.of("Not a valid string: send data as a string, JSON-encoded if it is an object."));
            return null;
        }
        String text = s.getString();
        if (!storable(text, "data", MAX_TEXT_BYTES, errors)) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try (var reader = READERS.createReader(new StringReader(trimmed))) {
                JsonStructure structure = reader.read();
                String encoded = structure.toString();
                if (encoded.contains("\\u0000")) {
                    errors.put("data", List.of("Null characters are not allowed."));
                    return null;
                }
                return encoded;
            } catch (JsonException | IllegalStateException e) {
                // not JSON after all: plain text
            }
        }
        return JSON.createValue(text).toString();
    }

    /** The {@code cohort} named inside JSON data: a slug or an id; anything else names no cohort. */
    static String cohortIn(String data) {
        if (!data.startsWith("{")) {
            return null;
        }
        try (var reader = READERS.createReader(new StringReader(data))) {
            JsonObject object = reader.readObject();
            JsonValue cohort = object.get("cohort");
            if (cohort instanceof JsonString s && !s.getString().isBlank()) {
                return s.getString().trim();
            }
            if (cohort instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
                return Long.toString(n.longValue());
            }
            return null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** A user or cohort reference: a string (slug, email, uuid) or a positive integer id. */
    private static String reference(JsonObject json, String field, Map<String, List<String>> errors) {
        if (absent(json, field)) {
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
        errors.put(field, List.of("Give a slug, an email or a numeric id."));
        return null;
    }

    /** An integer given as a JSON number or a numeric string ({@code "900"}). */
    private static Integer integer(JsonObject json, String field, Map<String, List<String>> errors) {
        if (absent(json, field)) {
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
        errors.put(field, List.of("A valid integer is required."));
        return null;
    }
}
