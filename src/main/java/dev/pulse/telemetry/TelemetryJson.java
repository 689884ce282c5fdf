package dev.pulse.telemetry;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The wire form of a record, field for field as in BreatheCode's serializer. */
final class TelemetryJson {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private TelemetryJson() {
    }

    static JsonObject of(AssignmentTelemetry t) {
        JsonObjectBuilder body = JsonBodies.provider().createObjectBuilder()
                .add("id", t.id())
                .add("user", t.accountId())
                .add("asset_slug", t.assetSlug());
        json(body, "telemetry", t.telemetry());
        number(body, "engagement_score", t.engagementScore());
        number(body, "frustration_score", t.frustrationScore());
        number(body, "metrics_algo_version", t.metricsAlgoVersion());
        json(body, "metrics", t.metrics());
        if (t.totalTimeMicros() == null) {
            body.addNull("total_time");
        } else {
            body.add("total_time", TotalTime.format(t.totalTimeMicros()));
        }
        number(body, "completion_rate", t.completionRate());
        return body.add("created_at", timestamp(t.createdAt()))
                .add("updated_at", timestamp(t.updatedAt()))
                .build();
    }

    /** ISO 8601 in UTC with a Z; microseconds only when there are any, as DRF writes datetimes. */
    static String timestamp(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        int fraction = micros.getNano() / 1000;
        String seconds = SECONDS.format(micros);
        return fraction == 0 ? seconds + "Z" : seconds + String.format(".%06dZ", fraction);
    }

    private static void number(JsonObjectBuilder body, String name, Double value) {
        if (value == null) {
            body.addNull(name);
        } else {
            body.add(name, value);
        }
    }

    private static void json(JsonObjectBuilder body, String name, String text) {
        if (text == null) {
            body.addNull(name);
            return;
        }
        body.add(name, JsonBodies.parse(new StringReader(text))
                .orElseThrow(() -> new IllegalStateException("stored " + name + " is not JSON")));
    }
}
