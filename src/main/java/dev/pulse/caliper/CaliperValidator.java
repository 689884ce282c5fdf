package dev.pulse.caliper;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every wire rule of the Caliper endpoints, pure: the hub's {@code grade2} table, the Caliper 1.2
 * event rules and the envelope. Messages name the dotted field and, for closed vocabularies, the
 * accepted values; every problem of an event is reported at once.
 */
public final class CaliperValidator {

    public static final String CONTEXT = "http://purl.imsglobal.org/ctx/caliper/v1p2";
    public static final Set<String> SUPPORTED_DATA_VERSIONS = Set.of(CONTEXT);
    public static final int MAX_EVENTS_PER_ENVELOPE = 1000;

    // Json.createXxx looks the provider up through the ServiceLoader on every call: look it up once
    private static final JsonProvider JSON = JsonProvider.provider();

    static final List<String> GRADE2_TYPES = List.of("GradeEvent", "ViewEvent", "GradeViewEvent");
    static final List<String> GRADE2_PROFILES = List.of("GradingProfile", "ReadingProfile", "ReadingGradingProfile");
    // the seed spells the combined action "ViewdGraded"; the natural spelling is accepted too
    static final List<String> GRADE2_ACTIONS = List.of("Viewed", "Graded", "ViewdGraded", "ViewedGraded");
    static final List<String> GRADE2_OBJECT_TYPES = List.of("Attempt", "Reading", "Reading/Listen");
    static final List<String> GRADE2_ASSIGNEE_TYPES = List.of("Person");
    static final List<String> GRADE2_ASSIGNABLE_TYPES = List.of("Activity", "Book Activity");
    static final List<String> GRADE2_COMPLETION = List.of("SUCCESSFULL", "FAILURE", "ONGOING", "EXTRA", "CANCEL");
    static final List<String> GRADE2_SUBJECT_TYPES = List.of("Subject", "GroupStudy", "Task");
    static final List<String> GRADE2_GENERATED_TYPES = List.of("Score");

    private static final Pattern URN_UUID = Pattern.compile(
            "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    /** The result of checking one event: its messages, or the event ready to store. */
    public record Outcome(List<String> messages, ValidatedEvent event) {
        public boolean valid() {
            return messages.isEmpty();
        }
    }

    /**
     * An event in the hub's grade2 shape: a grade2 profile without a Caliper eventTime (the hub's
     * events carry dateCreated/startedAtTime instead), the hub-only profile, or the hub-only type.
     */
    public static boolean isGrade2Shaped(JsonObject event) {
        String profile = text(event.get("profile"));
        String type = text(event.get("type"));
        if ("ReadingGradingProfile".equals(profile) || "GradeViewEvent".equals(type)) {
            return true;
        }
        return profile != null && GRADE2_PROFILES.contains(profile) && absent(event.get("eventTime"));
    }

    /** Caliper 1.2 rules for the event's type, or the grade2 rules for an event in the hub's shape. */
    public Outcome caliperEvent(JsonObject event) {
        return isGrade2Shaped(event) ? grade2(event) : caliper12(event);
    }

    // ------------------------------------------------------------------ grade2

    /** The hub's grade2 table: every required field, accepted values, URNs, numbers, dates and ranges. */
    public Outcome grade2(JsonObject e) {
        Errors err = new Errors();
        JsonValue context = e.get("@context");
        if (err.required("@context", context) && !CONTEXT.equals(text(context))) {
            err.add("Field @context must be " + CONTEXT);
        }
        String id = err.urnUuid("id", e.get("id"));
        String type = err.oneOf("type", e.get("type"), GRADE2_TYPES);
        String profile = err.oneOf("profile", e.get("profile"), GRADE2_PROFILES);

        JsonObject actor = err.object("actor", e.get("actor"));
        err.string("actor.type", member(actor, "type"), true);
        String host = err.string("actor.host", member(actor, "host"), true);
        if (host != null && !isHttpUrl(host)) {
            err.add("Field actor.host must be an http(s) URL");
        }
        String action = err.oneOf("action", e.get("action"), GRADE2_ACTIONS);

        JsonObject object = err.object("object", e.get("object"));
        err.oneOf("object.type", member(object, "type"), GRADE2_OBJECT_TYPES);
        JsonObject assignee = err.object("object.assignee", member(object, "assignee"));
        String assigneeId = err.urnUuid("object.assignee.id", member(assignee, "id"));
        err.oneOf("object.assignee.type", member(assignee, "type"), GRADE2_ASSIGNEE_TYPES);
        JsonObject assignable = err.object("object.assignable", member(object, "assignable"));
        String assignableId = err.idValue("object.assignable.id", member(assignable, "id"));
        err.oneOf("object.assignable.type", member(assignable, "type"), GRADE2_ASSIGNABLE_TYPES);
        err.string("object.assignable.skillCode", member(assignable, "skillCode"), true);
        JsonObject extension = err.optionalObject("object.assignable.extension", member(assignable, "extension"));
        err.string("object.assignable.extension.name", member(extension, "name"), false);
        err.scalar("object.assignable.extension.bookLevel", member(extension, "bookLevel"));
        JsonObject isPartOf = err.optionalObject("object.assignable.isPartOf", member(assignable, "isPartOf"));
        err.idValue("object.assignable.isPartOf.id", member(isPartOf, "id"), false);
        err.string("object.assignable.isPartOf.name", member(isPartOf, "name"), false);
        err.optionalOneOf("object.assignable.isPartOf.type", member(isPartOf, "type"), GRADE2_SUBJECT_TYPES);
        // the table puts frequency_assigned in assignable, the seed's example in object
        JsonValue frequency = present(member(assignable, "frequency_assigned"))
                ? member(assignable, "frequency_assigned") : member(object, "frequency_assigned");
        BigDecimal freq = err.number("object.assignable.frequency_assigned", frequency, false);
        if (freq != null && (freq.signum() <= 0 || !isInteger(freq))) {
            err.add("Field object.assignable.frequency_assigned must be a positive integer");
        }

        // the table puts the times in object, the seed's example at the top level: either is accepted
        Instant dateCreated = err.dateTime("object.dateCreated", either(object, e, "dateCreated"), true);
        Instant started = err.dateTime("object.startedAtTime", either(object, e, "startedAtTime"), true);
        Instant ended = err.dateTime("object.endedAtTime", either(object, e, "endedAtTime"), false);
        err.dateTime("object.lastTime", either(object, e, "lastTime"), false);
        if (started != null && ended != null && ended.isBefore(started)) {
            err.add("Field object.endedAtTime must not be before object.startedAtTime");
        }
        JsonValue totalTime = member(object, "totalTime");
        if (present(totalTime)) {
            BigDecimal seconds = err.number("object.totalTime", totalTime, true);
            if (seconds != null && seconds.signum() < 0) {
                err.add("Field object.totalTime must be zero or more seconds");
            }
        } else if (present(e.get("duration"))) {
            err.duration("duration", e.get("duration"));
        } else {
            err.add(notInformed("object.totalTime"));
        }
        BigDecimal percent = err.number("object.percentReading", member(object, "percentReading"), false);
        if (percent != null && (percent.compareTo(BigDecimal.ZERO) < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            err.add("Field object.percentReading must be between 0 and 100");
        }
        String completion = err.optionalOneOf("object.completionType", member(object, "completionType"),
                GRADE2_COMPLETION);
        err.bool("object.finished", member(object, "finished"));

        String edApp = err.urnUuid("edApp", e.get("edApp"));

        JsonObject generated = err.optionalObject("generated", e.get("generated"));
        err.optionalOneOf("generated.type", member(generated, "type"), GRADE2_GENERATED_TYPES);
        BigDecimal maxScore = err.number("generated.maxScore", member(generated, "maxScore"), false);
        BigDecimal scoreGiven = err.number("generated.scoreGiven", member(generated, "scoreGiven"), false);
        if (maxScore != null && maxScore.signum() < 0) {
            err.add("Field generated.maxScore must be zero or more");
        }
        if (scoreGiven != null && scoreGiven.signum() < 0) {
            err.add("Field generated.scoreGiven must be zero or more");
        }
        if (maxScore != null && scoreGiven != null && scoreGiven.compareTo(maxScore) > 0) {
            err.add("Field generated.scoreGiven must not be greater than generated.maxScore");
        }
        err.scalar("generated.proficiencyLevel", member(generated, "proficiencyLevel"));
        BigDecimal trys = err.number("generated.trys", member(generated, "trys"), false);
        if (trys != null && (trys.signum() < 0 || !isInteger(trys))) {
            err.add("Field generated.trys must be a whole number of attempts");
        }

        if (!err.isEmpty()) {
            return new Outcome(err.messages(), null);
        }
        Instant when = ended != null ? ended : started;
        return new Outcome(List.of(), new ValidatedEvent(id, type, action, profile, assigneeId, assignableId, edApp,
                when, dateCreated, toDouble(scoreGiven), toDouble(maxScore), completion, e.toString(), fingerprint(e)));
    }

    // ------------------------------------------------------------------ Caliper 1.2

    /** The Caliper 1.2 event rules: required properties, the type's actions and entity types. */
    public Outcome caliper12(JsonObject e) {
        Errors err = new Errors();
        JsonValue context = e.get("@context");
        if (err.required("@context", context) && !contextNames(context)) {
            err.add("Field @context must be or include " + CONTEXT);
        }
        String id = err.urnUuid("id", e.get("id"));
        String type = err.string("type", e.get("type"), true);
        CaliperTerms.EventRule rule = null;
        if (type != null && !"Event".equals(type)) {
            rule = CaliperTerms.EVENTS.get(type);
            if (rule == null) {
                err.add("Field type must be one of the Caliper 1.2 event types: Event, "
                        + String.join(", ", new TreeSet<>(CaliperTerms.EVENTS.keySet())));
            }
        }
        String profile = text(e.get("profile"));
        if (present(e.get("profile")) && (profile == null || !CaliperTerms.PROFILES.contains(profile))) {
            err.add("Field profile must be one of: " + String.join(", ", new TreeSet<>(CaliperTerms.PROFILES)));
        }
        err.entity("actor", e.get("actor"), true, CaliperTerms.AGENTS);
        String action = err.string("action", e.get("action"), true);
        if (action != null) {
            Set<String> actions = rule != null ? rule.actions() : CaliperTerms.ACTIONS;
            if (type != null && (rule != null || "Event".equals(type)) && !actions.contains(action)) {
                err.add("Field action must be one of (for " + type + "): " + String.join(", ", new TreeSet<>(actions)));
            }
        }
        Set<String> objectTypes = rule == null ? null : rule.objects();
        if ("SessionEvent".equals(type) && action != null) {
            objectTypes = "TimedOut".equals(action) ? CaliperTerms.SESSIONS : Set.of("SoftwareApplication");
        }
        err.entity("object", e.get("object"), true, objectTypes);
        Instant eventTime = err.dateTime("eventTime", e.get("eventTime"), true);
        err.entity("edApp", e.get("edApp"), false, Set.of("SoftwareApplication"));
        err.entity("generated", e.get("generated"), false, rule == null ? null : rule.generated());
        err.entity("target", e.get("target"), false, rule == null ? null : rule.targets());
        err.entity("referrer", e.get("referrer"), false, rule == null ? null : rule.referrers());
        err.entity("group", e.get("group"), false, CaliperTerms.ORGANIZATIONS);
        err.entity("membership", e.get("membership"), false, Set.of("Membership"));
        err.entity("session", e.get("session"), false, CaliperTerms.SESSIONS);
        boolean launch = "ToolLaunchEvent".equals(type) && "Launched".equals(action);
        err.entity("federatedSession", e.get("federatedSession"), launch, Set.of("LtiSession"));
        err.optionalObject("extensions", e.get("extensions"));

        if (!err.isEmpty()) {
            return new Outcome(err.messages(), null);
        }
        JsonValue object = e.get("object");
        JsonValue generated = e.get("generated");
        String assignee = firstId(member(object, "assignee"), member(generated, "assignee"));
        if (assignee == null && "Person".equals(text(member(e.get("actor"), "type")))) {
            assignee = idOf(e.get("actor"));
        }
        if (assignee == null && e.get("actor") instanceof JsonString s) {
            assignee = s.getString();
        }
        String assignable = firstId(member(object, "assignable"), member(generated, "assignable"));
        if (assignable == null && rule != null && "AssignableEvent".equals(type)) {
            assignable = idOf(object);
        }
        JsonValue scoreHolder = generated instanceof JsonObject g && "Score".equals(text(g.get("type"))) ? g : null;
        Instant created = parseTime(member(object, "dateCreated"));
        return new Outcome(List.of(), new ValidatedEvent(id, type, action, profile, assignee, assignable,
                idOf(e.get("edApp")), eventTime, created, toDouble(number(member(scoreHolder, "scoreGiven"))),
                toDouble(number(member(scoreHolder, "maxScore"))), null, e.toString(), fingerprint(e)));
    }

    // ------------------------------------------------------------------ envelope

    /** Envelope-level messages (missing or malformed sensor, sendTime, dataVersion, data). */
    public List<String> envelope(JsonObject envelope) {
        Errors err = new Errors();
        String sensor = err.string("sensor", envelope.get("sensor"), true);
        if (sensor != null && !IRI.matcher(sensor).matches()) {
            err.add("Field sensor must be an IRI");
        }
        err.dateTime("sendTime", envelope.get("sendTime"), true);
        err.string("dataVersion", envelope.get("dataVersion"), true);
        JsonValue data = envelope.get("data");
        if (!present(data)) {
            err.add(notInformed("data"));
        } else if (!(data instanceof JsonArray list)) {
            err.add("Field data must be an array of events");
        } else if (list.isEmpty()) {
            err.add("Field data must hold at least one event");
        } else if (list.size() > MAX_EVENTS_PER_ENVELOPE) {
            err.add("Field data holds " + list.size() + " events; an envelope may carry at most "
                    + MAX_EVENTS_PER_ENVELOPE);
        }
        return err.messages();
    }

    // ------------------------------------------------------------------ helpers

    static String notInformed(String field) {
        return "Field " + field + " not informed";
    }

    /** SHA-256 of the event with its keys sorted, so a resend in another key order is still the same event. */
    static String fingerprint(JsonValue value) {
        StringBuilder canonical = new StringBuilder();
        canonical(value, canonical);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject o) {
            out.append('{');
            boolean first = true;
            for (var entry : new TreeMap<>(o).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(JSON.createValue(entry.getKey())).append(':');
                canonical(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(a.get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonNumber n) {
            // scientific form: 1e999999999 must not expand into a billion digits
            out.append(n.bigDecimalValue().stripTrailingZeros().toString());
        } else {
            out.append(value);
        }
    }

    private static boolean contextNames(JsonValue context) {
        if (context instanceof JsonString s) {
            return CONTEXT.equals(s.getString());
        }
        if (context instanceof JsonArray a) {
            return a.stream().anyMatch(v -> v instanceof JsonString s && CONTEXT.equals(s.getString()));
        }
        // an inline JSON-LD context defines the terms itself
        return context instanceof JsonObject;
    }

    private static JsonValue either(JsonObject object, JsonObject event, String name) {
        JsonValue inObject = member(object, name);
        return present(inObject) ? inObject : event.get(name);
    }

    static JsonValue member(JsonValue holder, String name) {
        return holder instanceof JsonObject o ? o.get(name) : null;
    }

    static boolean absent(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL
                || (v instanceof JsonString s && s.getString().isBlank());
    }

    static boolean present(JsonValue v) {
        return !absent(v);
    }

    static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static String idOf(JsonValue ref) {
        if (ref instanceof JsonString s) {
            return s.getString();
        }
        JsonValue id = member(ref, "id");
        if (id instanceof JsonString s) {
            return s.getString();
        }
        return id instanceof JsonNumber n ? n.toString() : null;
    }

    private static String firstId(JsonValue... refs) {
        for (JsonValue ref : refs) {
            String id = idOf(ref);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static BigDecimal number(JsonValue v) {
        return v instanceof JsonNumber n ? n.bigDecimalValue() : null;
    }

    private static Double toDouble(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    private static boolean isInteger(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }

    private static Instant parseTime(JsonValue v) {
        String s = text(v);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI uri = new URI(s);
            return uri.getScheme() != null && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Collects messages in the order the fields are checked. */
    private static final class Errors {
        private final List<String> messages = new ArrayList<>();

        void add(String message) {
            messages.add(message);
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        boolean required(String field, JsonValue v) {
            if (absent(v)) {
                add(notInformed(field));
                return false;
            }
            return true;
        }

        /** A required object; when absent its own required members are reported by their checks. */
        JsonObject object(String field, JsonValue v) {
            if (absent(v)) {
                return null;
            }
            if (v instanceof JsonObject o) {
                return o;
            }
            add("Field " + field + " must be an object");
            return null;
        }

        JsonObject optionalObject(String field, JsonValue v) {
            return object(field, v);
        }

        String string(String field, JsonValue v, boolean required) {
            if (absent(v)) {
                if (required) {
                    add(notInformed(field));
                }
                return null;
            }
            if (v instanceof JsonString s) {
                return s.getString();
            }
            add("Field " + field + " must be a string");
            return null;
        }

        /** An identifier the source system chose: a string or a number. */
        String idValue(String field, JsonValue v) {
            return idValue(field, v, true);
        }

        String idValue(String field, JsonValue v, boolean required) {
            if (absent(v)) {
                if (required) {
                    add(notInformed(field));
                }
                return null;
            }
            if (v instanceof JsonString s) {
                return s.getString();
            }
            if (v instanceof JsonNumber n) {
                return n.toString();
            }
            add("Field " + field + " must be a string or a number");
            return null;
        }

        void scalar(String field, JsonValue v) {
            if (present(v) && !(v instanceof JsonString) && !(v instanceof JsonNumber)) {
                add("Field " + field + " must be a string or a number");
            }
        }

        String oneOf(String field, JsonValue v, List<String> accepted) {
            if (absent(v)) {
                add(notInformed(field));
                return null;
            }
            return optionalOneOf(field, v, accepted);
        }

        String optionalOneOf(String field, JsonValue v, List<String> accepted) {
            if (absent(v)) {
                return null;
            }
            String s = text(v);
            if (s == null || !accepted.contains(s)) {
                add("Field " + field + " must be one of: " + String.join(", ", accepted));
                return null;
            }
            return s;
        }

        String urnUuid(String field, JsonValue v) {
            String s = string(field, v, true);
            if (s != null && !URN_UUID.matcher(s).matches()) {
                add("Field " + field + " must be a URN of UUID type (urn:uuid:<uuid>)");
                return null;
            }
            return s;
        }

        BigDecimal number(String field, JsonValue v, boolean required) {
            if (absent(v)) {
                if (required) {
                    add(notInformed(field));
                }
                return null;
            }
            if (v instanceof JsonNumber n) {
                BigDecimal d = n.bigDecimalValue();
                if (Double.isInfinite(d.doubleValue())) {
                    add("Field " + field + " is out of range");
                    return null;
                }
                return d;
            }
            add("Field " + field + " must be a number");
            return null;
        }

        void bool(String field, JsonValue v) {
            if (absent(v) || v == JsonValue.TRUE || v == JsonValue.FALSE) {
                return;
            }
            String s = text(v);
            if (s == null || !(s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                add("Field " + field + " must be one of: TRUE, FALSE");
            }
        }

        Instant dateTime(String field, JsonValue v, boolean required) {
            String s = string(field, v, required);
            if (s == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                add("Field " + field + " must be an ISO 8601 date-time with offset, such as 2024-03-01T10:15:00.000Z");
                return null;
            }
        }

        void duration(String field, JsonValue v) {
            if (v instanceof JsonNumber n) {
                if (n.bigDecimalValue().signum() < 0) {
                    add("Field " + field + " must be zero or more seconds");
                }
                return;
            }
            String s = text(v);
            try {
                if (s == null || Duration.parse(s).isNegative()) {
                    add("Field " + field + " must be an ISO 8601 duration such as PT300S");
                }
            } catch (DateTimeParseException e) {
                add("Field " + field + " must be an ISO 8601 duration such as PT300S");
            }
        }

        /** A Caliper entity reference: an object with an allowed type, or an IRI. */
        void entity(String field, JsonValue v, boolean required, Set<String> types) {
            if (absent(v)) {
                if (required) {
                    add(notInformed(field));
                }
                return;
            }
            if (v instanceof JsonString s) {
                if (!IRI.matcher(s.getString()).matches()) {
                    add("Field " + field + " must be an object or an IRI");
                }
                return;
            }
            if (!(v instanceof JsonObject o)) {
                add("Field " + field + " must be an object or an IRI");
                return;
            }
            String type = text(o.get("type"));
            if (type == null) {
                add(notInformed(field + ".type"));
            } else if (types != null && !types.contains(type)) {
                add("Field " + field + ".type must be one of: " + String.join(", ", new TreeSet<>(types)));
            }
            JsonValue id = o.get("id");
            if (present(id) && (text(id) == null || !IRI.matcher(text(id)).matches())) {
                add("Field " + field + ".id must be an IRI");
            }
        }
    }
}
