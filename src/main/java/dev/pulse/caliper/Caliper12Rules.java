package dev.pulse.caliper;

import static dev.pulse.caliper.EventValues.firstId;
import static dev.pulse.caliper.EventValues.idOf;
import static dev.pulse.caliper.EventValues.member;
import static dev.pulse.caliper.EventValues.number;
import static dev.pulse.caliper.EventValues.present;
import static dev.pulse.caliper.EventValues.text;
import static dev.pulse.caliper.EventValues.timeOrNull;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Caliper 1.2 event rules: the properties every event needs, and, through the event type's
 * {@link CaliperTerms.EventRule}, its actions and the entity types each property may hold. An
 * event that passes keeps the values Pulse filters on (assignee, assignable, score).
 */
final class Caliper12Rules {

    private Caliper12Rules() {
    }

    static CaliperValidator.Outcome check(JsonObject e) {
        FieldChecks err = new FieldChecks();
        JsonValue context = e.get("@context");
        if (err.required("@context", context) && !namesCaliperContext(context)) {
            err.fail("@context", "must be or include " + CaliperTerms.CONTEXT);
        }
        String id = err.urnUuid("id", e.get("id"));
        String type = err.string("type", e.get("type"), true);
        CaliperTerms.EventRule rule = type == null ? null : CaliperTerms.ruleFor(type);
        if (type != null && rule == null) {
            err.fail("type", "must be one of the Caliper 1.2 event types: " + CaliperTerms.eventTypes());
        }
        String profile = text(e.get("profile"));
        if (present(e.get("profile")) && (profile == null || !CaliperTerms.PROFILES.contains(profile))) {
            err.fail("profile", "must be one of: " + String.join(", ", new TreeSet<>(CaliperTerms.PROFILES)));
        }
        err.entity("actor", e.get("actor"), true, CaliperTerms.AGENTS);
        String action = err.string("action", e.get("action"), true);
        if (action != null && rule != null && !rule.actions().contains(action)) {
            err.fail("action", "must be one of (for " + type + "): "
                    + String.join(", ", new TreeSet<>(rule.actions())));
        }
        // an unknown type was reported above; its entities are then checked as references only
        err.entity("object", e.get("object"), true, rule == null ? null : rule.objectsFor(action));
        Instant eventTime = err.dateTime("eventTime", e.get("eventTime"), true);
        err.entity("edApp", e.get("edApp"), false, Set.of("SoftwareApplication"));
        err.entity("generated", e.get("generated"), false, rule == null ? null : rule.generated());
        err.entity("target", e.get("target"), false, rule == null ? null : rule.targets());
        err.entity("referrer", e.get("referrer"), false, rule == null ? null : rule.referrers());
        err.entity("group", e.get("group"), false, CaliperTerms.ORGANIZATIONS);
        err.entity("membership", e.get("membership"), false, Set.of("Membership"));
        err.entity("session", e.get("session"), false, CaliperTerms.SESSIONS);
        err.entity("federatedSession", e.get("federatedSession"), rule != null && rule.needsFederatedSession(action),
                Set.of("LtiSession"));
        err.object("extensions", e.get("extensions"));

        if (!err.isEmpty()) {
            return CaliperValidator.Outcome.rejected(err.messages());
        }
        return CaliperValidator.Outcome.accepted(filterValues(e, id, type, action, profile, eventTime));
    }

    /**
     * The values of the filter columns: the assignee is the object's (or the generated entity's),
     * else the acting person; the assignable likewise, or the object of an assignable event; the
     * score only from a generated Score.
     */
    private static ValidatedEvent filterValues(JsonObject e, String id, String type, String action, String profile,
            Instant eventTime) {
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
        if (assignable == null && "AssignableEvent".equals(type)) {
            assignable = idOf(object);
        }
        JsonValue score = generated instanceof JsonObject g && "Score".equals(text(g.get("type"))) ? g : null;
        return new ValidatedEvent(id, type, action, profile, assignee, assignable, idOf(e.get("edApp")), eventTime,
                timeOrNull(member(object, "dateCreated")), number(member(score, "scoreGiven")),
                number(member(score, "maxScore")), null, e.toString(), EventFingerprint.of(e));
    }

    private static boolean namesCaliperContext(JsonValue context) {
        if (context instanceof JsonString s) {
            return CaliperTerms.CONTEXT.equals(s.getString());
        }
        if (context instanceof JsonArray a) {
            return a.stream().anyMatch(v -> v instanceof JsonString s && CaliperTerms.CONTEXT.equals(s.getString()));
        }
        // an inline JSON-LD context defines the terms itself
        return context instanceof JsonObject;
    }
}
