package dev.pulse.caliper;

import static dev.pulse.caliper.EventValues.absent;
import static dev.pulse.caliper.EventValues.member;
import static dev.pulse.caliper.EventValues.present;
import static dev.pulse.caliper.EventValues.text;
import static dev.pulse.caliper.EventValues.toDouble;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The rules of the hub's grade2 events (its grading and reading profiles): every required field,
 * the accepted values, URNs, numbers, dates and ranges of the hub's field table.
 */
final class Grade2Rules {

    private Grade2Rules() {
    }

    /**
     * An event in the hub's grade2 shape: a grade2 profile without a Caliper eventTime (the hub's
     * events carry dateCreated/startedAtTime instead), the hub-only profile, or the hub-only type.
     */
    static boolean isGrade2Shaped(JsonObject event) {
        String profile = text(event.get("profile"));
        String type = text(event.get("type"));
        if ("ReadingGradingProfile".equals(profile) || "GradeViewEvent".equals(type)) {
            return true;
        }
        return profile != null && Grade2Terms.PROFILES.contains(profile) && absent(event.get("eventTime"));
    }

    static CaliperValidator.Outcome check(JsonObject e) {
        FieldChecks err = new FieldChecks();
        JsonValue context = e.get("@context");
        if (err.required("@context", context) && !CaliperTerms.CONTEXT.equals(text(context))) {
            err.fail("@context", "must be " + CaliperTerms.CONTEXT);
        }
        String id = err.urnUuid("id", e.get("id"));
        String type = err.oneOf("type", e.get("type"), Grade2Terms.TYPES);
        String profile = err.oneOf("profile", e.get("profile"), Grade2Terms.PROFILES);

        JsonObject actor = err.object("actor", e.get("actor"));
        err.string("actor.type", member(actor, "type"), true);
        err.httpUrl("actor.host", member(actor, "host"));
        String action = err.oneOf("action", e.get("action"), Grade2Terms.ACTIONS);

        JsonObject object = err.object("object", e.get("object"));
        err.oneOf("object.type", member(object, "type"), Grade2Terms.OBJECT_TYPES);
        JsonObject assignee = err.object("object.assignee", member(object, "assignee"));
        String assigneeId = err.urnUuid("object.assignee.id", member(assignee, "id"));
        err.oneOf("object.assignee.type", member(assignee, "type"), Grade2Terms.ASSIGNEE_TYPES);
        JsonObject assignable = err.object("object.assignable", member(object, "assignable"));
        String assignableId = err.idValue("object.assignable.id", member(assignable, "id"), true);
        err.oneOf("object.assignable.type", member(assignable, "type"), Grade2Terms.ASSIGNABLE_TYPES);
        err.string("object.assignable.skillCode", member(assignable, "skillCode"), true);
        JsonObject extension = err.object("object.assignable.extension", member(assignable, "extension"));
        err.string("object.assignable.extension.name", member(extension, "name"), false);
        err.scalar("object.assignable.extension.bookLevel", member(extension, "bookLevel"));
        JsonObject isPartOf = err.object("object.assignable.isPartOf", member(assignable, "isPartOf"));
        err.idValue("object.assignable.isPartOf.id", member(isPartOf, "id"), false);
        err.string("object.assignable.isPartOf.name", member(isPartOf, "name"), false);
        err.optionalOneOf("object.assignable.isPartOf.type", member(isPartOf, "type"), Grade2Terms.SUBJECT_TYPES);
        // the hub's table puts frequency_assigned in assignable, its example event in object
        JsonValue frequency = present(member(assignable, "frequency_assigned"))
                ? member(assignable, "frequency_assigned") : member(object, "frequency_assigned");
        BigDecimal freq = err.number("object.assignable.frequency_assigned", frequency, false);
        if (freq != null && (freq.signum() <= 0 || !isInteger(freq))) {
            err.fail("object.assignable.frequency_assigned", "must be a positive integer");
        }

        // the hub's table puts the times in object, its example event at the top level: either is accepted
        Instant dateCreated = err.dateTime("object.dateCreated", either(object, e, "dateCreated"), true);
        Instant started = err.dateTime("object.startedAtTime", either(object, e, "startedAtTime"), true);
        Instant ended = err.dateTime("object.endedAtTime", either(object, e, "endedAtTime"), false);
        err.dateTime("object.lastTime", either(object, e, "lastTime"), false);
        if (started != null && ended != null && ended.isBefore(started)) {
            err.fail("object.endedAtTime", "must not be before object.startedAtTime");
        }
        JsonValue totalTime = member(object, "totalTime");
        if (present(totalTime)) {
            BigDecimal seconds = err.number("object.totalTime", totalTime, true);
            if (seconds != null && seconds.signum() < 0) {
                err.fail("object.totalTime", "must be zero or more seconds");
            }
        } else if (present(e.get("duration"))) {
            err.duration("duration", e.get("duration"));
        } else {
            err.missing("object.totalTime");
        }
        BigDecimal percent = err.number("object.percentReading", member(object, "percentReading"), false);
        if (percent != null && (percent.compareTo(BigDecimal.ZERO) < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            err.fail("object.percentReading", "must be between 0 and 100");
        }
        String completion = err.optionalOneOf("object.completionType", member(object, "completionType"),
                Grade2Terms.COMPLETION);
        err.bool("object.finished", member(object, "finished"));

        String edApp = err.urnUuid("edApp", e.get("edApp"));

        JsonObject generated = err.object("generated", e.get("generated"));
        err.optionalOneOf("generated.type", member(generated, "type"), Grade2Terms.GENERATED_TYPES);
        BigDecimal maxScore = err.number("generated.maxScore", member(generated, "maxScore"), false);
        BigDecimal scoreGiven = err.number("generated.scoreGiven", member(generated, "scoreGiven"), false);
        if (maxScore != null && maxScore.signum() < 0) {
            err.fail("generated.maxScore", "must be zero or more");
        }
        if (scoreGiven != null && scoreGiven.signum() < 0) {
            err.fail("generated.scoreGiven", "must be zero or more");
        }
        if (maxScore != null && scoreGiven != null && scoreGiven.compareTo(maxScore) > 0) {
            err.fail("generated.scoreGiven", "must not be greater than generated.maxScore");
        }
        err.scalar("generated.proficiencyLevel", member(generated, "proficiencyLevel"));
        BigDecimal trys = err.number("generated.trys", member(generated, "trys"), false);
        if (trys != null && (trys.signum() < 0 || !isInteger(trys))) {
            err.fail("generated.trys", "must be a whole number of attempts");
        }

        if (!err.isEmpty()) {
            return CaliperValidator.Outcome.rejected(err.messages());
        }
        Instant when = ended != null ? ended : started;
        return CaliperValidator.Outcome.accepted(new ValidatedEvent(id, type, action, profile, assigneeId,
                assignableId, edApp, when, dateCreated, toDouble(scoreGiven), toDouble(maxScore), completion,
                e.toString(), EventFingerprint.of(e)));
    }

    private static JsonValue either(JsonObject object, JsonObject event, String name) {
        JsonValue inObject = member(object, name);
        return present(inObject) ? inObject : event.get(name);
    }

    private static boolean isInteger(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0;
    }
}
