package dev.pulse.caliper;

import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.progress.LearnerProgress;
import dev.pulse.platform.progress.ProgressRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Caliper events as a source of progress: every event whose {@code object.assignable.id} is the
 * activity id, from any integrator, read page by page through the Caliper query service. Events
 * about other accounts (or about no account) prove nothing here.
 */
@ApplicationScoped
public class CaliperProgressSource implements LearnerProgress {

    static final double COMPLETE = 100.0;

    /** The Caliper query service's largest page. */
    private static final int PAGE = 500;

    @Inject
    CaliperEvents events;

    @Override
    public List<ProgressRecord> of(Collection<Long> accountIds, String activityId) {
        Set<Long> accounts = new HashSet<>(accountIds);
        List<ProgressRecord> records = new ArrayList<>();
        String cursor = null;
        do {
            CaliperEvents.Page page = events.find(new CaliperEvents.Filter(null, null, activityId, null, null,
                    null, null, String.valueOf(PAGE), cursor));
            for (CaliperEvent e : page.events()) {
                if (e.accountId() != null && accounts.contains(e.accountId())) {
                    records.add(new ProgressRecord(e.accountId(), progressOf(e.payload()), e.eventTime()));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return records;
    }

    /**
     * The progress an event reports: 100 when {@code object.finished} is true or
     * {@code object.completionType} is SUCCESSFULL, else {@code object.percentReading} (at most 100),
     * else 0 (the event still shows the learner started). Booleans and numbers may arrive as strings.
     */
    static double progressOf(String payload) {
        JsonObject object = objectOf(payload);
        if (object == null) {
            return 0;
        }
        if (truthy(object.get("finished"))
                || "SUCCESSFULL".equalsIgnoreCase(text(object.get("completionType")).orElse(""))) {
            return COMPLETE;
        }
        return number(object.get("percentReading")).map(CaliperProgressSource::clamp).orElse(0.0);
    }

    private static JsonObject objectOf(String payload) {
        // stored events were validated on the way in; an unreadable one proves nothing
        return Optional.ofNullable(payload).flatMap(JsonBodies::parse)
                .filter(root -> root.getValueType() == JsonValue.ValueType.OBJECT)
                .map(root -> root.asJsonObject().get("object"))
                .filter(object -> object.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .orElse(null);
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

    private static double clamp(double progress) {
        return Double.isNaN(progress) ? 0 : Math.max(0, Math.min(COMPLETE, progress));
    }
}
