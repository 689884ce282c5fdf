package dev.pulse.groups;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arithmetic of the group activity aggregate, apart from where the records come from: a
 * member's progress is the best of their progress records (telemetry completion rates, Caliper
 * events), 100 counts as completed, and the activity's figures summarise the members.
 */
final class ActivityProgress {

    static final double COMPLETE = 100.0;

    private ActivityProgress() {
    }

    /** One piece of evidence of an account's progress on the activity, 0–100, as of {@code at}. */
    record Evidence(long accountId, double progress, Instant at) {
    }

    /** A member's figures; {@code lastUpdated} null when there is no record at all. */
    record MemberFigures(long accountId, boolean enrolled, double progress, Instant lastUpdated) {

        boolean completed() {
            return enrolled && progress >= COMPLETE;
        }
    }

    record ActivityFigures(int enrolmentCount, int completedCount, double averageProgress, Instant lastUpdated) {
    }

    /** Each member's best progress, in the members' order; evidence about non-members is ignored. */
    static List<MemberFigures> perMember(List<Long> members, Collection<Evidence> evidence) {
        Map<Long, MemberFigures> figures = new LinkedHashMap<>();
        members.forEach(m -> figures.put(m, new MemberFigures(m, false, 0, null)));
        for (Evidence e : evidence) {
            MemberFigures current = figures.get(e.accountId());
            if (current == null) {
                continue;
            }
            double best = current.enrolled() ? Math.max(current.progress(), clamp(e.progress())) : clamp(e.progress());
            Instant latest = current.lastUpdated() == null || (e.at() != null && e.at().isAfter(current.lastUpdated()))
                    ? e.at() : current.lastUpdated();
            figures.put(e.accountId(), new MemberFigures(e.accountId(), true, best, latest));
        }
        return new ArrayList<>(figures.values());
    }

    /** Enrolment = members with any record; the average is over all members, those without records counting 0. */
    static ActivityFigures overall(List<MemberFigures> members) {
        int enrolled = 0;
        int completed = 0;
        double sum = 0;
        Instant latest = null;
        for (MemberFigures m : members) {
            if (m.enrolled()) {
                enrolled++;
            }
            if (m.completed()) {
                completed++;
            }
            sum += m.progress();
            if (m.lastUpdated() != null && (latest == null || m.lastUpdated().isAfter(latest))) {
                latest = m.lastUpdated();
            }
        }
        double average = members.isEmpty() ? 0 : round2(sum / members.size());
        return new ActivityFigures(enrolled, completed, average, latest);
    }

    /**
     * The progress a Caliper event reports: 100 when {@code object.finished} is true or
     * {@code object.completionType} is SUCCESSFULL, else {@code object.percentReading}, else 0
     * (the event still shows the member started). Booleans and numbers may arrive as strings.
     */
    static double ofCaliperEvent(String payload) {
        JsonObject object = objectOf(payload);
        if (object == null) {
            return 0;
        }
        if (truthy(object.get("finished"))
                || "SUCCESSFULL".equalsIgnoreCase(text(object.get("completionType")).orElse(""))) {
            return COMPLETE;
        }
        return number(object.get("percentReading")).map(ActivityProgress::clamp).orElse(0.0);
    }

    private static JsonObject objectOf(String payload) {
        if (payload == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonValue root = reader.readValue();
            if (root.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonValue object = root.asJsonObject().get("object");
            return object != null && object.getValueType() == JsonValue.ValueType.OBJECT ? object.asJsonObject() : null;
        } catch (RuntimeException e) {
            return null; // stored events were validated on the way in; an unreadable one proves nothing
        }
    }

    private static boolean truthy(JsonValue v) {
        return v != null && (v == JsonValue.TRUE || text(v).map("true"::equalsIgnoreCase).orElse(false));
    }

    private static Optional<String> text(JsonValue v) {
        return v instanceof JsonString s ? Optional.of(s.getString().trim()) : Optional.empty();
    }

    private static Optional<Double> number(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return Optional.of(n.doubleValue());
        }
        try {
            return text(v).map(Double::parseDouble).filter(d -> !d.isNaN() && !d.isInfinite());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static double clamp(double progress) {
        return Double.isNaN(progress) ? 0 : Math.max(0, Math.min(COMPLETE, progress));
    }

    private static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
