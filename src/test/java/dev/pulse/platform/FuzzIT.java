package dev.pulse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.PulseServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every family: valid requests of each family, mutated at random (fields dropped, duplicated
 * or of the wrong type, huge numbers, deep nesting, NUL and odd unicode, truncated JSON, wrong media types
 * and credentials, odd path ids and query values), are never a 5xx, every error is in its family's shape,
 * and the server is still ready afterwards. The requests come from a seeded generator; the seed is printed,
 * and {@code -Dpulse.fuzz.seed=<seed>} replays a run.
 */
class FuzzIT {

    /** 1,200 in the suite; -Dpulse.fuzz.requests=N for a longer hunt. */
    private static final int REQUESTS = Integer.getInteger("pulse.fuzz.requests", 1200);
    private static final int SENDERS = 4;
    private static final String LIVE_HEADER = "X-MenloHacks-Authorization";

    private final Api api = new Api(PulseServer.baseUrl());
    private final String base = api.url("");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger unsent = new AtomicInteger();

    /** A request before and after mutation: the body is JSON text, or null for none. */
    private record Request(String method, String path, Map<String, String> headers, String body) {

        String family() {
            return path.startsWith("/v1") ? "v1" : path.startsWith("/analytics") ? "analytics"
                    : path.startsWith("/api") ? "api" : "live";
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            StringBuilder shownHeaders = new StringBuilder();
            headers.forEach((name, value) -> shownHeaders.append(name).append('=')
                    .append(value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + ")" : value).append(' '));
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " " + shownHeaders
                    + shown.replace("\u0000", "\\u0000");
        }
    }

    /** A valid request of a family, with the path ids it holds marked as {id} so that they can be varied. */
    private record Template(String method, String path, String id, Map<String, String> headers, JsonObject body) {
    }

    @Test
    void mutatedRequestsOnEveryFamilyAreNeverA5xxAndAlwaysInTheFamilysShape() throws Exception {
        long seed = Long.getLong("pulse.fuzz.seed", new Random().nextLong());
        System.out.println("FuzzIT seed " + seed + " (replay: -Dpulse.fuzz.seed=" + seed + ")");
        List<Template> templates = templates();
        Random random = new Random(seed);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(new Mutator(random).mutate(templates.get(random.nextInt(templates.size()))));
        }

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                int index = i;
                done.add(senders.submit(() -> {
                    Optional<String> failure = check(requests.get(index));
                    sent.incrementAndGet();
                    failure.ifPresent(f -> failures.add("#" + index + " " + f));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            senders.shutdownNow();
        }

        assertEquals(REQUESTS, sent.get());
        assertTrue(REQUESTS - unsent.get() >= 1_000, unsent.get() + " requests could not be sent at all");
        assertTrue(failures.isEmpty(), failures.size() + " of " + REQUESTS + " requests failed (seed " + seed + "):\n"
                + String.join("\n", failures.stream().limit(40).toList()));
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
    }

    // ------------------------------------------------------------------ the valid requests

    private List<Template> templates() {
        String admin = api.adminToken();
        long academy = api.newAcademy();
        Api.Cohort cohort = api.newCohort(academy, 2);
        Api.User student = api.newUser();
        api.addToAcademy(academy, student.id(), "student");
        api.addToCohort(cohort.slug(), student.id(), "STUDENT");
        Api.Client client = api.newClient();
        String liveUser = Api.unique("fuzz");
        String live = api.json().body(Map.of("name", "Fuzz Mentor", "username", liveUser, "password", "pw-12345"))
                .post("/live/user/create").then().statusCode(201).extract().path("data.token");
        String group = api.json().header("Authorization", "Bearer " + client.token())
                .header("x-authenticated-user-token", student.token())
                .body(Map.of("request", Map.of("name", "Fuzz group", "activities", List.of(Map.of("id", "fuzz-course", "type", "Course")))))
                .post("/api/group/v1/create").then().statusCode(200).extract().path("result.groupId");

        Map<String, String> asStudent = Map.of("Authorization", "Token " + student.token());
        Map<String, String> asAdmin = Map.of("Authorization", "Token " + admin);
        Map<String, String> asStaff = Map.of("Authorization", "Token " + admin, "Academy", Long.toString(academy));
        Map<String, String> asClient = Map.of("Authorization", client.token());
        Map<String, String> sunbird = Map.of("Authorization", "Bearer " + client.token(),
                "x-authenticated-user-token", student.token());
        Map<String, String> asLive = Map.of(LIVE_HEADER, live);
        Map<String, String> none = Map.of();
        String sid = Long.toString(student.id());

        JsonObject event = json("{\"@context\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\",\"id\":\"urn:uuid:"
                + UUID.randomUUID() + "\",\"type\":\"GradeEvent\",\"profile\":\"GradingProfile\",\"actor\":{\"type\":"
                + "\"SoftwareApplication\",\"host\":\"https://fuzz.example\"},\"action\":\"Graded\",\"object\":{\"type\":"
                + "\"Attempt\",\"assignee\":{\"id\":\"urn:uuid:" + student.uuid() + "\",\"type\":\"Person\"},\"assignable\":"
                + "{\"id\":3899,\"type\":\"Activity\",\"skillCode\":\"EF15LP01\"},\"dateCreated\":\"2024-03-01T10:00:00Z\","
                + "\"startedAtTime\":\"2024-03-01T09:00:00Z\",\"totalTime\":300},\"edApp\":\"" + client.edapp()
                + "\",\"generated\":{\"type\":\"Score\",\"maxScore\":10,\"scoreGiven\":8},\"eventTime\":\"2024-03-01T10:00:00Z\"}");

        return List.of(
                new Template("POST", "/v1/activity/user/{id}", sid, asStudent, json("{\"slug\":\"lesson_opened\",\"data\":"
                        + "\"{\\\"lesson\\\":\\\"intro\\\"}\",\"cohort\":\"" + cohort.slug() + "\",\"day\":3,\"user_agent\":\"bc/fuzz\"}")),
                new Template("GET", "/v1/activity/user/{id}?limit=5&since=2024-01-01T00:00:00Z&slug=lesson_opened", sid, asStudent, null),
                new Template("GET", "/v1/activity/cohort/{id}?limit=3&until=2030-01-01", Long.toString(cohort.id()), asStaff, null),
                new Template("POST", "/v1/activity/coding_error", null, asStudent, json("{\"user_id\":" + sid + ",\"slug\":"
                        + "\"webpack_error\",\"message\":\"m\",\"name\":\"n\",\"severity\":5,\"details\":\"d\",\"data\":\"x\"}")),
                new Template("POST", "/v1/auth/login", null, none, json("{\"email\":\"fuzz-nobody@pulse.test\",\"password\":\"password-123\"}")),
                new Template("POST", "/v1/assignment/academy/asset/fuzz-course/user/{id}/telemetry", sid, asStaff,
                        json("{\"completion_rate\":40,\"total_time\":\"00:10:00\"}")),
                new Template("POST", "/v1/admin/users", null, asAdmin, json("{\"email\":\"fuzz-" + UUID.randomUUID()
                        + "@pulse.test\",\"password\":\"password-123\",\"first_name\":\"F\",\"last_name\":\"Z\"}")),
                new Template("POST", "/analytics/grade2", null, asClient, event),
                new Template("POST", "/analytics/caliper", null, asClient, json("{\"sensor\":\"https://fuzz.example\","
                        + "\"sendTime\":\"2024-03-01T10:00:00Z\",\"dataVersion\":\"http://purl.imsglobal.org/ctx/caliper/v1p2\","
                        + "\"data\":[" + event + "]}")),
                new Template("GET", "/analytics/events/{id}", "1", asClient, null),
                new Template("POST", "/api/group/v1/create", null, sunbird, json("{\"request\":{\"name\":\"g\",\"members\":[],"
                        + "\"activities\":[{\"id\":\"fuzz-course\",\"type\":\"Course\"}]}}")),
                new Template("GET", "/api/group/v1/read/{id}?fields=members,activities", group, sunbird, null),
                new Template("POST", "/api/group/v1/list", null, sunbird, json("{\"request\":{\"filters\":{\"userId\":\""
                        + student.uuid() + "\"}}}")),
                new Template("POST", "/api/data/v1/group/activity/agg", null, sunbird, json("{\"request\":{\"groupId\":\""
                        + group + "\",\"activityId\":\"fuzz-course\",\"activityType\":\"Course\"}}")),
                new Template("POST", "/live/user/login", null, none, json("{\"username\":\"" + liveUser + "\",\"password\":\"pw-12345\"}")),
                new Template("POST", "/live/mentorship/create", null, asLive, json("{\"description\":\"help\",\"location\":"
                        + "\"Main gym\",\"contact\":\"555-0100\"}")),
                new Template("POST", "/live/mentorship/claim", null, asLive, json("{\"id\":\"1\"}")),
                new Template("GET", "/live/location/image/{id}", "1", none, null),
                // what LearnPack, legacy activity readers and key holders send
                new Template("POST", "/v1/assignment/me/telemetry?asset_id={id}", "145", asStudent, json("{\"telemetry_id\":"
                        + "\"k2j4h5g6f7d8s9a0\",\"user_id\":\"" + sid + "\",\"slug\":\"fuzz-course\",\"version\":\"CLOUD:1.0.0\","
                        + "\"academy_id\":\"" + academy + "\",\"workout_session\":[{\"started_at\":1733100000000}],\"steps\":"
                        + "[{\"slug\":\"01-hello\",\"position\":0,\"is_testeable\":true,\"tests\":[],\"compilations\":[]}],"
                        + "\"global_metrics\":{\"completion_rate\":10},\"global_indicators\":{\"engagement_indicator\":20,"
                        + "\"frustration_indicator\":30}}")),
                new Template("GET", "/v1/activity/cohort/{id}?access_token=" + admin, cohort.slug(), none, null),
                // listings whose filters are free text
                new Template("GET", "/analytics/events?assignee=urn:uuid:{id}&type=GradeEvent&limit=5", student.uuid(),
                        asClient, null),
                new Template("GET", "/v1/assignment/academy/telemetry?asset={id}&limit=5", "fuzz-course", asStaff, null),
                new Template("GET", "/v1/activity/report?cohort={id}&by=slug", cohort.slug(), asStaff, null),
                new Template("POST", "/v1/admin/clients/{id}/keys", client.clientId(), asAdmin, json("{}")));
    }

    private static JsonObject json(String text) {
        return JsonBodies.value(text).asJsonObject();
    }

    // ------------------------------------------------------------------ mutations

    /**
     * Turns a template into one request with one to three mutations, all drawn from the one seeded Random.
     * Left out: what the HTTP server answers before any family sees the request (a path with %00, %5C or bytes
     * that are not UTF-8, a Content-Type that is not a media type, headers over its size limit).
     */
    private static final class Mutator {

        private static final String[] ODD_IDS = {"99999999999999999999", "9223372036854775807", "9223372036854775808",
                "-1", "0", "1e5", "0x10", "%2e%2e", "%F0%9F%98%80", "%E2%80%AE", "%20", "null", "a".repeat(600),
                "1".repeat(400), "urn:uuid:" + UUID.nameUUIDFromBytes(new byte[] {1}), "1;2", "%0A", "%25"};
        private static final String[] ODD_TIMES = {"99999-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "0000-01-01",
                "294277-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "2024-13-45", "9999-12-31T23:59:59.999999999Z",
                "-290308-12-21T19:59:05.224192Z", "1970", ""};
        private static final String[] ODD_CURSORS = {"MTo5OTk5OTk5OTk5OTk5OTk5OTk5OTo1", "MTotOTIyMzM3MjAzNjg1NDc3NTgwODox",
                "OTIyMzM3MjAzNjg1NDc3NTgwNzo5MjIzMzcyMDM2ODU0Nzc1ODA3", "!!!!", "x".repeat(200), "MTox"};
        private static final String[] ODD_NUMBERS = {"99999999999999999999", "-99999999999999999999", "1e400", "-1e400",
                "1e-400", "0.0000001", "-1", "0", "9223372036854775808", "2147483648", "1E+999999999", "NaN", "12.5"};
        private static final String[] ODD_TEXT = {"a\u0000b", "\u0000", "😀🎉", "\uD800", "\u202Eevil", "Ω≈ç√",
                "x".repeat(20_000), " ", "", "\\", "\"", "<script>", "../../etc/passwd", "%00", "\t\n"};
        /** Odd text short enough for a request line within the HTTP server's 8 KiB. */
        private static final String[] ODD_QUERY_TEXT =
                java.util.Arrays.stream(ODD_TEXT).filter(text -> text.length() < 1_000).toArray(String[]::new);
        /** The listings' paging and window parameters, and the free-text filters some of them take. */
        private static final String[] QUERY_NAMES = {"since", "until", "limit", "cursor", "slug", "cohort", "user",
                "asset", "assignee", "assignable", "type", "id", "by", "fields"};
        private static final String[] MEDIA_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1", "multipart/form-data", "*/*", "application/jso", "text/json"};

        private static final String DEEP = "deep-nesting-marker";

        private final Random random;

        Mutator(Random random) {
            this.random = random;
        }

        Request mutate(Template t) {
            String id = t.id();
            Map<String, String> headers = new LinkedHashMap<>(t.headers());
            JsonValue body = t.body();
            String text = null;
            String query = "";
            String contentType = t.body() == null ? null : "application/json";
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                switch (random.nextInt(12)) {
                    case 0 -> id = t.id() == null ? null : pick(ODD_IDS);
                    case 1 -> contentType = random.nextBoolean() ? pick(MEDIA_TYPES) : null;
                    case 2 -> mutateHeaders(headers);
                    case 3 -> query = "&" + pick(QUERY_NAMES) + "=" + encode(pick(random.nextBoolean() ? ODD_TIMES
                            : random.nextBoolean() ? ODD_QUERY_TEXT : random.nextBoolean() ? ODD_CURSORS : ODD_NUMBERS));
                    case 4 -> text = textMutation(body == null ? "{}" : body.toString());
                    default -> body = body == null ? null : mutateValue(body, 0);
                }
            }
            String path = t.path().replace("{id}", id == null ? "" : id.contains("%") ? id : encode(id));
            if (!query.isEmpty()) {
                path += path.contains("?") ? query : "?" + query.substring(1);
            }
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            String sentBody = text != null ? text : body == null ? null : deepen(body.toString());
            String method = sentBody != null && t.method().equals("GET") ? "GET" : t.method();
            return new Request(method, path, headers, method.equals("GET") ? null : sentBody);
        }

        private void mutateHeaders(Map<String, String> headers) {
            switch (random.nextInt(5)) {
                case 0 -> headers.clear();
                case 1 -> headers.replaceAll((k, v) -> v.substring(0, random.nextInt(v.length() + 1)));
                case 2 -> headers.put(pick("Authorization", LIVE_HEADER, "x-authenticated-user-token"),
                        pick("Token ", "Bearer ", "Token " + "A".repeat(1000), "Bearer a.b.c", "Basic Zm9vOmJhcg==", "Token %00"));
                case 3 -> headers.put("Academy", pick(ODD_NUMBERS));
                default -> {
                    // every header together stays within the HTTP server's 8 KiB: beyond it Grizzly answers before any family
                    String agent = pick(ODD_TEXT).replaceAll("[^\\x20-\\x7e]", "?");
                    headers.put("User-Agent", agent.length() > 1_000 ? agent.substring(0, 1_000) : agent);
                }
            }
        }

        /** A mutation somewhere in the tree: on this value, or on one member or element, recursively. */
        private JsonValue mutateValue(JsonValue value, int depth) {
            if (value instanceof JsonObject object && !object.isEmpty() && depth < 4 && random.nextInt(3) > 0) {
                List<String> keys = new ArrayList<>(object.keySet());
                String key = keys.get(random.nextInt(keys.size()));
                JsonObjectBuilder copy = JsonBodies.provider().createObjectBuilder(object);
                switch (random.nextInt(4)) {
                    case 0 -> copy.remove(key);
                    case 1 -> copy.add(key + (random.nextBoolean() ? "" : "_extra"), mutateValue(object.get(key), depth + 1))
                            .add(pick(ODD_TEXT).replace("\u0000", "k\u0000"), randomValue());
                    default -> copy.add(key, mutateValue(object.get(key), depth + 1));
                }
                return copy.build();
            }
            if (value instanceof JsonArray array && !array.isEmpty() && depth < 4 && random.nextBoolean()) {
                return JsonBodies.provider().createArrayBuilder(array)
                        .set(random.nextInt(array.size()), mutateValue(array.get(random.nextInt(array.size())), depth + 1))
                        .add(randomValue()).build();
            }
            return randomValue();
        }

        private JsonValue randomValue() {
            var json = JsonBodies.provider();
            return switch (random.nextInt(9)) {
                case 0 -> json.createValue(pick(ODD_TEXT));
                case 1 -> json.createValue(pick(ODD_TIMES));
                case 2 -> number(pick(ODD_NUMBERS));
                case 3 -> JsonValue.NULL;
                case 4 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
                case 5 -> json.createArrayBuilder().add(pick(ODD_TEXT)).add(random.nextInt()).build();
                case 6 -> json.createObjectBuilder().add("id", pick(ODD_IDS)).add("type", pick(ODD_TEXT)).build();
                case 7 -> json.createValue(DEEP);
                default -> json.createValue(pick(ODD_IDS));
            };
        }

        private static JsonValue number(String text) {
            Optional<JsonValue> parsed = JsonBodies.parse(text);
            return parsed.filter(JsonNumber.class::isInstance).orElse(JsonBodies.provider().createValue(text));
        }

        /** Nesting is written into the text in place of this marker: JSON-P would recurse once per level. */
        private String deepen(String json) {
            int levels = 1_000 + random.nextInt(4_000);
            return json.replace("\"" + DEEP + "\"", "[".repeat(levels) + "]".repeat(levels));
        }

        private String textMutation(String json) {
            return switch (random.nextInt(6)) {
                case 0 -> json.substring(0, random.nextInt(json.length() + 1));
                case 1 -> "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001);
                case 2 -> pick("", "null", "[]", "\"text\"", "123", "{", "}", "{\"a\":1,}", "\uFEFF{}", "{'a':1}");
                case 3 -> json.length() < 3 ? json : json.substring(0, json.length() - 1) + "," + json.substring(1);
                case 4 -> flip(json);
                default -> json.replace("\"", random.nextBoolean() ? "'" : "\\\"");
            };
        }

        private String flip(String json) {
            char[] chars = json.toCharArray();
            for (int i = 0; i < 1 + random.nextInt(5) && chars.length > 0; i++) {
                chars[random.nextInt(chars.length)] = (char) random.nextInt(0x3000);
            }
            return new String(chars);
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    // ------------------------------------------------------------------ sending and checking

    private Optional<String> check(Request request) {
        HttpResponse<String> response;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
            request.headers().forEach(builder::header);
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException unsendable) {
            unsent.incrementAndGet(); // a header or URI the client itself refuses: nothing reached the server
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(request + " -> " + e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            return Optional.of(request + " -> " + status + " " + abbreviated(response.body()));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            Optional<JsonValue> body = JsonBodies.parse(response.body());
            if (!type.startsWith("application/json") || body.isEmpty() || !inFamilyShape(request.family(), status, body.get())) {
                return Optional.of(request + " -> " + status + " not in the " + request.family() + " shape: " + type + " "
                        + abbreviated(response.body()));
            }
        }
        return Optional.empty();
    }

    private static boolean inFamilyShape(String family, int status, JsonValue body) {
        if (!(body instanceof JsonObject o)) {
            return false;
        }
        return switch (family) {
            case "v1" -> o.containsKey("status_code") ? o.get("status_code") instanceof JsonNumber n && n.intValue() == status
                    && o.get("detail") instanceof JsonString : !o.isEmpty() && o.values().stream().allMatch(FuzzIT::fieldErrors);
            case "analytics" -> o.get("message") instanceof JsonArray messages && !messages.isEmpty();
            case "api" -> o.get("params") instanceof JsonObject params && "failed".equals(text(params, "status"))
                    && params.get("err") instanceof JsonString && params.get("errmsg") instanceof JsonString
                    && o.get("responseCode") instanceof JsonString code && !"OK".equals(code.getString());
            default -> JsonValue.FALSE.equals(o.get("success")) && o.get("error") instanceof JsonObject error
                    && error.get("message") instanceof JsonString && error.get("title") instanceof JsonString;
        };
    }

    /** BreatheCode's field errors: a list of messages per field, or per nested field. */
    private static boolean fieldErrors(JsonValue value) {
        return value instanceof JsonArray messages ? !messages.isEmpty()
                : value instanceof JsonObject nested && !nested.isEmpty() && nested.values().stream().allMatch(FuzzIT::fieldErrors);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
