package dev.pulse.platform.api;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The four public API families Pulse speaks. Each keeps the error shape of the API it comes from, so
 * existing clients read our errors unchanged. A resource declares its family with {@link Family}; a URL
 * that no resource matches (a 404, a 405) is placed by its path prefix.
 */
public enum ApiFamily {

    /** BreatheCode (Django REST Framework): {"detail","status_code","slug"}; validation {"field":["message"]}. */
    BREATHECODE {
        @Override
        public JsonObject error(ApiError e) {
            if (!e.fieldErrors().isEmpty()) {
                JsonObjectBuilder body = JSON.createObjectBuilder();
                e.fieldErrors().forEach((field, messages) -> body.add(field, JSON.createArrayBuilder(messages)));
                return body.build();
            }
            JsonObjectBuilder body = JSON.createObjectBuilder()
                    .add("detail", e.getMessage())
                    .add("status_code", e.status());
            if (e.slug() != null) {
                body.add("slug", e.slug());
            }
            return body.build();
        }
    },

    /** The Caliper analytics hub: {"message":[...]} */
    CALIPER {
        @Override
        public JsonObject error(ApiError e) {
            var body = JSON.createObjectBuilder().add("message", JSON.createArrayBuilder(e.messages()));
            // the token endpoint's errors also speak OAuth 2, so that a client library reads them
            e.oauthError().ifPresent(code -> body.add("error", code).add("error_description", e.getMessage()));
            return body.build();
        }
    },

    /** Sunbird: the response envelope with params.status "failed". */
    SUNBIRD {
        @Override
        public JsonObject error(ApiError e) {
            String code = e.slug() == null ? "SERVER_ERROR" : e.slug().toUpperCase().replace('-', '_');
            return SunbirdEnvelope.failed(e.apiId(), null, e.status(), code, String.join("; ", e.namedMessages()));
        }
    },

    /** MenloHacks Vivere: {"error":{"message","title"},"success":false}. */
    LIVE {
        @Override
        public JsonObject error(ApiError e) {
            return JSON.createObjectBuilder()
                    .add("error", JSON.createObjectBuilder()
                            .add("message", String.join("; ", e.messages()))
                            .add("title", e.title()))
                    .add("success", false)
                    .build();
        }
    };

    private static final JsonProvider JSON = JsonBodies.provider();

    /** The body of an error response in this family's shape. */
    public abstract JsonObject error(ApiError error);

    /**
     * The family of a request: the matched resource class's declared {@link Family}, or, when no resource
     * matched (or it declares none), the family of its path.
     */
    public static ApiFamily of(Class<?> resourceClass, String path) {
        Family declared = resourceClass == null ? null : resourceClass.getAnnotation(Family.class);
        return declared == null ? forPath(path) : declared.value();
    }

    /** The family a request path belongs to; paths that match no family answer in the BreatheCode shape. */
    public static ApiFamily forPath(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        if (p.startsWith("/analytics")) {
            return CALIPER;
        }
        if (p.startsWith("/api/")) {
            return SUNBIRD;
        }
        if (p.startsWith("/live")) {
            return LIVE;
        }
        return BREATHECODE;
    }

    /** Sunbird's envelope, shared by successful and failed responses. */
    public static final class SunbirdEnvelope {
        private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss:SSSZ");
        private static final Pattern VERSION = Pattern.compile("v\\d+");

        private SunbirdEnvelope() {
        }

        /**
         * The operation id of a Sunbird route, as the Sunbird services name theirs: "api." and the route's
         * segments without the version, the data-API prefix and path parameters ({@code /api/group/v1/read/{groupId}}
         * is {@code api.group.read}, {@code /api/data/v1/group/activity/agg} is {@code api.group.activity.agg}).
         * Failures carry it even when they happen before the operation runs (a refused token, a body that
         * does not parse), since it comes from the route, not from the operation.
         */
        public static String operationId(String route) {
            StringBuilder id = new StringBuilder("api");
            String[] segments = route.split("/");
            for (int i = 0; i < segments.length; i++) {
                String s = segments[i];
                boolean prefix = i <= 2 && (s.equals("api") || s.equals("data"));
                if (s.isEmpty() || prefix || VERSION.matcher(s).matches() || s.startsWith("{")) {
                    continue;
                }
                id.append('.').append(s);
            }
            return id.toString();
        }

        public static JsonObject ok(String apiId, String msgId, JsonObject result) {
            return envelope(apiId, msgId, "success", null, null, "OK", result);
        }

        static JsonObject failed(String apiId, String msgId, int status, String err, String errmsg) {
            return envelope(apiId, msgId, "failed", err, errmsg, responseCode(status), JSON.createObjectBuilder().build());
        }

        private static JsonObject envelope(String apiId, String msgId, String status, String err, String errmsg,
                String responseCode, JsonObject result) {
            JsonObjectBuilder params = JSON.createObjectBuilder()
                    .add("resmsgid", UUID.randomUUID().toString())
                    .add("status", status);
            addOrNull(params, "msgid", msgId == null ? RequestIds.current() : msgId);
            addOrNull(params, "err", err);
            addOrNull(params, "errmsg", errmsg);
            return JSON.createObjectBuilder()
                    .add("id", apiId == null ? "api.group" : apiId)
                    .add("ver", "v1")
                    .add("ts", ZonedDateTime.now(ZoneOffset.UTC).format(TS))
                    .add("params", params)
                    .add("responseCode", responseCode)
                    .add("result", result)
                    .build();
        }

        private static void addOrNull(JsonObjectBuilder b, String key, String value) {
            if (value == null) {
                b.addNull(key);
            } else {
                b.add(key, value);
            }
        }

        private static String responseCode(int status) {
            return switch (status) {
                case 400, 405, 409, 413, 415 -> "CLIENT_ERROR";
                case 401 -> "UNAUTHORIZED";
                case 403 -> "FORBIDDEN";
                case 404 -> "RESOURCE_NOT_FOUND";
                case 429 -> "TOO_MANY_REQUESTS";
                case 503 -> "SERVICE_UNAVAILABLE";
                default -> "SERVER_ERROR";
            };
        }
    }
}
