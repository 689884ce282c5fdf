package dev.pulse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.pulse.platform.api.OpenApiContract;
import dev.pulse.platform.testing.PulseServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is a contract a client can be generated from: every JAX-RS operation of the
 * WAR is in it, under an id no other operation has, and every success answer says what its body is.
 */
class OpenApiIT {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern OPERATION_ID =
            Pattern.compile("(identity|activity|telemetry|caliper|groups|live)_[a-z0-9]+(_[a-z0-9]+)+");
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
    /** The document clients are generated from (pom.xml, openapi-generator-maven-plugin). */
    private static final Path CHECKED_IN = Path.of("src", "test", "resources", "openapi.yaml");
    /** Set to true, the drift test writes the served document to {@link #CHECKED_IN} instead of comparing. */
    static final String WRITE_PROPERTY = "pulse.openapi.write";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private static JsonObject document;
    private static Map<String, List<Method>> resourceMethods;

    @BeforeAll
    static void readDocumentAndResources() throws IOException, InterruptedException, ClassNotFoundException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(PulseServer.baseUrl() + "openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        document = Json.createReader(new StringReader(response.body())).readObject();
        resourceMethods = resourceMethods();
    }

    @Test
    void theCheckedInDocumentIsWhatTheWarServes() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(PulseServer.baseUrl() + "openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode served = contractOf(YAML.readTree(response.body()));
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(CHECKED_IN, "# Written by OpenApiIT from what the WAR serves at /openapi (see CONTRIBUTING.md); do not edit.\n"
                    + YAML.writeValueAsString(served));
            System.out.println("[OpenApiIT] wrote " + CHECKED_IN.toAbsolutePath());
            return;
        }
        JsonNode checkedIn = YAML.readTree(Files.readString(CHECKED_IN));
        List<String> drift = new ArrayList<>();
        differences("", checkedIn, served, drift);
        assertTrue(drift.isEmpty(), "/openapi has drifted from " + CHECKED_IN + " (" + drift.size() + " differences, "
                + "checked-in vs served):\n" + String.join("\n", drift.subList(0, Math.min(40, drift.size())))
                + "\nRefresh it: ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiIT -D"
                + WRITE_PROPERTY + "=true, then review the diff and commit it.");
    }

    /**
     * The served document as a client sees the real WAR: without the test WAR's probe operations, and
     * without Payara's own {@code endpoints} listing (no OpenAPI field, and it names the probes too).
     */
    private static JsonNode contractOf(JsonNode served) {
        ObjectNode document = ((ObjectNode) served).deepCopy();
        document.remove("endpoints");
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            ObjectNode item = (ObjectNode) path.getValue();
            item.properties().removeIf(method -> HTTP_METHODS.contains(method.getKey())
                    && !resourceMethods.containsKey(method.getKey().toUpperCase() + " " + normalised(path.getKey())));
            if (item.properties().stream().noneMatch(method -> HTTP_METHODS.contains(method.getKey()))) {
                paths.remove();
            }
        }
        return document;
    }

    /** Where two trees differ, as JSON pointers; objects compare by key (order aside), arrays item by item. */
    private static void differences(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String here = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!expected.has(key)) {
                    found.add(here + " only served");
                } else if (!actual.has(key)) {
                    found.add(here + " only checked in");
                } else {
                    differences(here, expected.get(key), actual.get(key), found);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                differences(at + "/" + i, expected.get(i), actual.get(i), found);
            }
        } else if (!expected.equals(actual)) {
            found.add(at + ": " + expected + " checked in, " + actual + " served");
        }
    }

    @Test
    void everyOperationHasItsOwnFamilyResourceActionId() {
        Map<String, List<String>> byId = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        contracted().forEach((operation, body) -> {
            String id = body.getString("operationId", null);
            if (id == null || !OPERATION_ID.matcher(id).matches()) {
                problems.add(operation + " has operationId " + id + ", not family_resource_action");
            }
            byId.computeIfAbsent(id, any -> new ArrayList<>()).add(operation);
        });
        byId.forEach((id, shared) -> {
            if (shared.size() > 1) {
                problems.add(shared + " share operationId " + id);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyResourceMethodOfTheWarIsAnOperation() {
        Map<String, JsonObject> documented = operations();
        Set<String> missing = new TreeSet<>();
        resourceMethods.forEach((operation, methods) -> {
            JsonObject body = documented.get(operation);
            if (body == null) {
                missing.add(operation + " " + methods.stream().map(Method::getName).toList());
                return;
            }
            // Twins on one path and method differ by what they consume: their one operation must accept it all.
            JsonObject requestBody = body.getJsonObject("requestBody");
            Set<String> accepted = requestBody != null && requestBody.containsKey("content")
                    ? requestBody.getJsonObject("content").keySet() : Set.of();
            if (methods.size() > 1) {
                for (Method method : methods) {
                    for (String type : consumed(method)) {
                        if (!accepted.contains(type)) {
                            missing.add(operation + " consuming " + type + " (" + method.getName() + "), documented: " + accepted);
                        }
                    }
                }
            }
        });
        assertTrue(missing.isEmpty(), "Not in /openapi:\n" + String.join("\n", missing));
    }

    @Test
    void everyParameterAResourceMethodReadsIsDocumented() {
        Set<String> missing = new TreeSet<>();
        resourceMethods.forEach((operation, methods) -> {
            Set<String> documented = documentedParameters(operation);
            for (Method method : methods) {
                for (String parameter : readParameters(method)) {
                    if (!documented.contains(parameter)) {
                        missing.add(operation + " " + parameter + " (" + method.getName() + ")");
                    }
                }
            }
        });
        assertTrue(missing.isEmpty(), "Read but not documented:\n" + String.join("\n", missing));
    }

    /** "in name" of every parameter the operation declares or its path declares, references resolved. */
    private static Set<String> documentedParameters(String operation) {
        String[] verbAndPath = operation.split(" ", 2);
        JsonObject components = document.getJsonObject("components");
        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> {
            if (!normalised(path).equals(verbAndPath[1])) {
                return;
            }
            JsonObject operationObject = item.asJsonObject().getJsonObject(verbAndPath[0].toLowerCase());
            for (JsonObject holder : new JsonObject[] {item.asJsonObject(), operationObject}) {
                if (holder == null || !(holder.get("parameters") instanceof JsonArray parameters)) {
                    continue;
                }
                for (JsonValue value : parameters) {
                    JsonObject parameter = value.asJsonObject();
                    if (parameter.get("$ref") instanceof JsonString ref) {
                        String name = ref.getString().substring(ref.getString().lastIndexOf('/') + 1);
                        parameter = components.getJsonObject("parameters").getJsonObject(name);
                    }
                    documented.add(parameter.getString("in") + " " + parameter.getString("name").toLowerCase());
                }
            }
        });
        return documented;
    }

    /**
     * Headers every HTTP client sends by itself, which a client generator would only turn into clutter (OpenAPI
     * ignores Authorization, Content-Type and Accept parameters; credentials are security schemes).
     */
    private static final Set<String> HTTP_OWN_HEADERS = Set.of("header user-agent", "header content-length",
            "header content-type", "header accept", "header authorization");

    /**
     * "in name" of every query, header and path parameter the method reads, the fields of a @BeanParam included,
     * but for HTTP's own headers and parameters hidden on purpose.
     */
    private static Set<String> readParameters(Method method) {
        Set<String> read = new TreeSet<>();
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        read.addAll(named(field));
                    }
                }
            } else {
                read.addAll(named(parameter));
            }
        }
        return read;
    }

    private static List<String> named(java.lang.reflect.AnnotatedElement element) {
        List<String> names = new ArrayList<>();
        org.eclipse.microprofile.openapi.annotations.parameters.Parameter documented =
                element.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
        if (documented != null && documented.hidden()) {
            return names;
        }
        if (element.getAnnotation(QueryParam.class) != null) {
            names.add("query " + element.getAnnotation(QueryParam.class).value().toLowerCase());
        }
        if (element.getAnnotation(HeaderParam.class) != null) {
            names.add("header " + element.getAnnotation(HeaderParam.class).value().toLowerCase());
        }
        if (element.getAnnotation(PathParam.class) != null) {
            names.add("path " + element.getAnnotation(PathParam.class).value().toLowerCase());
        }
        names.removeAll(HTTP_OWN_HEADERS);
        return names;
    }

    @Test
    void everySuccessAnswerWithABodyHasASchema() {
        List<String> problems = new ArrayList<>();
        contracted().forEach((operation, body) -> {
            JsonObject responses = body.getJsonObject("responses");
            List<String> successes = responses == null ? List.of()
                    : responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            if (successes.isEmpty()) {
                problems.add(operation + " documents no 2xx answer");
            }
            for (String code : successes) {
                if (code.equals("204")) {
                    continue;
                }
                JsonObject content = responses.getJsonObject(code).getJsonObject("content");
                boolean schema = content != null && !content.isEmpty() && content.values().stream()
                        .allMatch(media -> media.asJsonObject().get("schema") instanceof JsonObject);
                if (!schema) {
                    problems.add(operation + " " + code + " has no response schema");
                }
            }
        });
        assertTrue(problems.isEmpty(), problems.size() + " answers without a schema:\n" + String.join("\n", problems));
    }

    @Test
    void everyRequestBodyNamesItsSchema() {
        List<String> problems = new ArrayList<>();
        contracted().forEach((operation, body) -> {
            boolean takesBody = resourceMethods.get(operation).stream().anyMatch(OpenApiIT::takesEntity);
            JsonObject requestBody = body.getJsonObject("requestBody");
            if (takesBody && (requestBody == null || !requestBody.containsKey("content"))) {
                problems.add(operation + " reads a body but documents none");
                return;
            }
            if (requestBody == null) {
                return;
            }
            // a JSON body named by a schema becomes a typed model in generated clients, not a string
            requestBody.getJsonObject("content").forEach((type, media) -> {
                boolean json = type.equals("application/json") || type.endsWith("+json");
                JsonObject schema = media.asJsonObject().getJsonObject("schema");
                if (json && (schema == null || !schema.containsKey("$ref"))) {
                    problems.add(operation + " " + type + " body is " + schema + ", not a named schema");
                }
            });
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A parameter JAX-RS fills from the body: one without a JAX-RS annotation. */
    private static boolean takesEntity(Method method) {
        return Stream.of(method.getParameterAnnotations()).anyMatch(annotations -> Stream.of(annotations)
                .noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs")));
    }

    @Test
    void everyOperationIsTaggedWithItsFamilyAndNamesItsFamilysSecurityOrNone() {
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        List<String> problems = new ArrayList<>();
        contracted().forEach((operation, body) -> {
            String path = operation.substring(operation.indexOf(' ') + 1);
            String family = path.startsWith("/v1/") ? "BreatheCode" : path.startsWith("/analytics/") ? "Caliper"
                    : path.startsWith("/api/") ? "Sunbird" : "Live";
            if (!List.of(family).equals(body.getJsonArray("tags") == null ? List.of()
                    : body.getJsonArray("tags").getValuesAs(JsonString::getString))) {
                problems.add(operation + " is tagged " + body.get("tags") + ", not [" + family + "]");
            }
            // an operation anyone may call says so with one requirement of nothing: security: [{}] (Payara
            // writes no empty list); generated clients send no token there
            JsonArray security = body.getJsonArray("security");
            boolean noToken = resourceMethods.get(operation).stream().anyMatch(OpenApiIT::needsNoToken);
            boolean anyone = security != null && security.size() == 1 && security.getJsonObject(0).isEmpty();
            if (security == null || security.isEmpty()) {
                problems.add(operation + " has no security requirement, not even [{}]");
            } else if (noToken != anyone) {
                problems.add(operation + (noToken ? " needs no token but says " + security
                        : " says " + security + " without " + OpenApiContract.NO_TOKEN));
            } else if (!security.stream().allMatch(requirement ->
                    requirement.asJsonObject().keySet().stream().allMatch(schemes::containsKey))) {
                problems.add(operation + " names an undeclared security scheme: " + security);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyErrorAnswerHasItsFamilysErrorBody() {
        Map<String, String> shapes = Map.of("BreatheCode", "BreatheCodeError", "Caliper", "CaliperError",
                "Sunbird", "SunbirdResponse", "Live", "LiveError");
        List<String> problems = new ArrayList<>();
        contracted().forEach((operation, body) -> {
            String family = body.getJsonArray("tags") == null || body.getJsonArray("tags").isEmpty() ? "none"
                    : body.getJsonArray("tags").getString(0);
            String expected = "#/components/schemas/" + shapes.get(family);
            body.getJsonObject("responses").forEach((code, answer) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    JsonObject content = answer.asJsonObject().getJsonObject("content");
                    boolean shaped = content != null && !content.isEmpty() && content.values().stream()
                            .allMatch(media -> media.asJsonObject().containsKey("schema") && expected.equals(
                                    media.asJsonObject().getJsonObject("schema").getString("$ref", null)));
                    if (!shaped) {
                        problems.add(operation + " " + code + " is not " + expected);
                    }
                }
            });
        });
        assertTrue(problems.isEmpty(), problems.size() + " error answers:\n" + String.join("\n", problems));
    }

    @Test
    void schemasCarryNoAnnotationDefaultsAndTagsAreDeclaredOnce() {
        Set<String> problems = new TreeSet<>();
        walk("", document, (at, object) -> {
            // maxProperties 0 would allow no property at all; multipleOf 0 is invalid
            for (String limit : List.of("maxProperties", "multipleOf")) {
                if (object.get(limit) instanceof jakarta.json.JsonNumber number && number.doubleValue() == 0) {
                    problems.add(at + "/" + limit + " is 0");
                }
            }
        });
        List<String> tags = document.getJsonArray("tags").stream()
                .map(tag -> tag.asJsonObject().getString("name")).toList();
        if (tags.size() != Set.copyOf(tags).size()) {
            problems.add("tags repeat: " + tags);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void walk(String at, JsonValue value, BiConsumer<String, JsonObject> visit) {
        if (value instanceof JsonObject object) {
            visit.accept(at, object);
            object.forEach((key, member) -> walk(at + "/" + key, member, visit));
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                walk(at + "/" + i, array.get(i), visit);
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        Set<String> unresolved = new TreeSet<>();
        JsonObject components = document.containsKey("components") ? document.getJsonObject("components")
                : JsonValue.EMPTY_JSON_OBJECT;
        walk("", document, (at, object) -> {
            if (!(object.get("$ref") instanceof JsonString text)) {
                return;
            }
            String[] parts = text.getString().split("/");
            boolean resolves = parts.length == 4 && parts[0].equals("#") && parts[1].equals("components")
                    && components.get(parts[2]) instanceof JsonObject kind && kind.containsKey(parts[3]);
            if (!resolves) {
                unresolved.add(text.getString());
            }
        });
        assertTrue(unresolved.isEmpty(), "Unresolved: " + unresolved);
    }

    /** Every operation of the document, as "METHOD /path" to its operation object. */
    private static Map<String, JsonObject> operations() {
        Map<String, JsonObject> operations = new TreeMap<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (HTTP_METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + normalised(path), operation.asJsonObject());
            }
        }));
        return operations;
    }

    /** The documented operations of the WAR's own resources (not the test-only probes added to it). */
    private static Map<String, JsonObject> contracted() {
        Map<String, JsonObject> contracted = new TreeMap<>(operations());
        contracted.keySet().retainAll(resourceMethods.keySet());
        return contracted;
    }

    /** The WAR's own JAX-RS resource methods, by "METHOD /path" (twins on one path share a key). */
    private static Map<String, List<Method>> resourceMethods() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        Map<String, List<Method>> methods = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/pulse"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
                if (!type.isAnnotationPresent(jakarta.ws.rs.Path.class) || type.isInterface()
                        || Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                String root = type.getAnnotation(jakarta.ws.rs.Path.class).value();
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(method);
                    org.eclipse.microprofile.openapi.annotations.Operation documented =
                            method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                    // an operation hidden on purpose (the /docs page's own files) is not part of the contract
                    if (verb != null && (documented == null || !documented.hidden())) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        String operation = verb + " " + normalised(root + "/" + (sub == null ? "" : sub.value()));
                        methods.computeIfAbsent(operation, any -> new ArrayList<>()).add(method);
                    }
                }
            }
        }
        assertTrue(methods.size() > 50, "resource methods found: " + methods.keySet());
        return methods;
    }

    private static boolean needsNoToken(Method method) {
        return Stream.of(method.getAnnotationsByType(org.eclipse.microprofile.openapi.annotations.extensions.Extension.class))
                .anyMatch(extension -> extension.name().equals(OpenApiContract.NO_TOKEN));
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static List<String> consumed(Method method) {
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : method.getDeclaringClass().getAnnotation(Consumes.class);
        return consumes == null ? List.of() : List.of(consumes.value());
    }

    /** One spelling per path: one leading slash, no doubled or trailing slash, templates without their regex. */
    private static String normalised(String path) {
        String plain = TEMPLATE_REGEX.matcher(path).replaceAll("{$1}").replaceAll("/+", "/");
        plain = plain.startsWith("/") ? plain : "/" + plain;
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }
}
