package dev.pulse.telemetry;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.telemetry.TelemetryChanges.Field;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What LearnPack posts to {@code /v1/assignment/me/telemetry}: its whole telemetry blob, not the academy
 * endpoint's {@code {"telemetry": …}} wrapper. The blob is stored as it came (unknown keys and all), with
 * the URL's asset ids added as {@code asset_id} as BreatheCode merges query parameters into it. Only
 * {@code slug} is required (it keys the record); {@code user_id} (text or number) and {@code academy_id}
 * are read when present, and LearnPack's own summary fills the record's scores: {@code completion_rate}
 * from {@code global_metrics.completion_rate}, {@code engagement_score} and {@code frustration_score} from
 * {@code global_indicators}, each only when it is a number within 0–100. Nothing else is ever refused: the
 * schema keeps growing. Pure: no container, no database.
 */
record LearnPackReport(String assetSlug, Optional<String> userId, Optional<Long> academyId, TelemetryChanges changes) {

    /**
     * The report in a body (nothing sent reads as an empty object), or a 400 naming what is wrong (malformed,
     * not an object, no slug, a NUL character).
     */
    static LearnPackReport read(String text, Collection<String> assetIdParameters) {
        String json = text == null || text.isBlank() ? "{}" : text.strip();
        JsonValue body = JsonBodies.value(json);
        JsonObject blob = body instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonFields fields = JsonFields.of(blob, TelemetryValidator.MESSAGES);
        if (body != null && body.getValueType() != JsonValue.ValueType.OBJECT) {
            fields.fail("non_field_errors", "Invalid data. Expected a dictionary, but got "
                    + TelemetryValidator.pythonType(body) + ".");
            fields.check();
        }
        String slug = fields.slug("slug", 200);
        JsonBodies.unstorable(blob)
                .ifPresent(what -> fields.fail("non_field_errors", TelemetryValidator.MESSAGES.unstorable(what)));
        fields.check();
        List<String> assetIds = assetIds(assetIdParameters);
        Map<Field, Object> values = new EnumMap<>(Field.class);
        values.put(Field.TELEMETRY, assetIds.isEmpty() ? json : withAssetIds(json, assetIds));
        percentage(blob, "global_metrics", "completion_rate").ifPresent(v -> values.put(Field.COMPLETION_RATE, v));
        percentage(blob, "global_indicators", "engagement_indicator").ifPresent(v -> values.put(Field.ENGAGEMENT_SCORE, v));
        percentage(blob, "global_indicators", "frustration_indicator").ifPresent(v -> values.put(Field.FRUSTRATION_SCORE, v));
        return new LearnPackReport(slug, text(blob.get("user_id")), whole(blob.get("academy_id")),
                new TelemetryChanges(values));
    }

    /** Whether the blob speaks of this account: no {@code user_id}, or one equal to its id. */
    boolean isAbout(long accountId) {
        return userId.map(String.valueOf(accountId)::equals).orElse(true);
    }

    /**
     * The academy the record belongs to, among those where the student may upload telemetry: the blob's
     * {@code academy_id} when it is one of them, else the only one; a 400 when there are several and the
     * blob names none of them, or when there is none.
     */
    long academyAmong(List<Long> candidates, long accountId) {
        if (academyId.isPresent() && candidates.contains(academyId.get())) {
            return academyId.get();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw ApiError.badRequest("no-academy",
                    "User " + accountId + " belongs to no active academy to record telemetry in");
        }
        throw ApiError.badRequest("academy-required", "User " + accountId + " records telemetry in academies "
                + candidates.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ": name one of them as academy_id in the body");
    }

    /**
     * The blob's own text with {@code "asset_id"} as its last member: the text is a JSON object (it was
     * parsed), so it ends with its closing brace, and a member named again wins in jsonb, as the URL's
     * parameters win over the body's in BreatheCode. Splicing spares writing a blob of megabytes again.
     */
    private static String withAssetIds(String object, List<String> assetIds) {
        String member = "\"asset_id\":" + JsonBodies.provider().createValue(String.join(",", assetIds));
        String open = object.substring(0, object.length() - 1).stripTrailing();
        return open + (open.endsWith("{") ? "" : ",") + member + "}";
    }

    /** Every asset id of the URL: repeated parameters and comma lists, blanks dropped, each once. */
    static List<String> assetIds(Collection<String> parameters) {
        Set<String> ids = new LinkedHashSet<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                for (String id : parameter == null ? new String[0] : parameter.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    /** A number (or numeric text) within 0–100 under {@code object.member}; empty for anything else. */
    private static Optional<Double> percentage(JsonObject blob, String object, String member) {
        if (!(blob.get(object) instanceof JsonObject summary)) {
            return Optional.empty();
        }
        return decimal(summary.get(member)).map(BigDecimal::doubleValue)
                .filter(d -> Double.isFinite(d) && d >= 0 && d <= 100)
                .map(d -> d == 0 ? 0.0 : d);
    }

    /** LearnPack's ids come as text ("5043") or as numbers (5043); either reads as the plain digits. */
    private static Optional<String> text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString().strip());
        }
        return decimal(value).map(d -> d.stripTrailingZeros().toPlainString()).or(() -> Optional.of(value.toString()));
    }

    private static Optional<Long> whole(JsonValue value) {
        return decimal(value).flatMap(d -> {
            try {
                return Optional.of(d.longValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<BigDecimal> decimal(JsonValue value) {
        try {
            if (value instanceof JsonNumber n) {
                return Optional.of(n.bigDecimalValue());
            }
            if (value instanceof JsonString s && !s.getString().isBlank()) {
                return Optional.of(new BigDecimal(s.getString().strip()));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
