package dev.pulse.caliper;

import dev.pulse.platform.progress.LearnerProgress;
import dev.pulse.platform.progress.ProgressRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Caliper events as a source of progress: the events whose {@code object.assignable.id} is the
 * activity id, sent by an API client bound to an academy the learner belongs to, by role or through a
 * cohort (the {@code academy_membership} view; an integrator vouches only for its own academy's
 * learners). Aggregated in the database, one row per learner: the best progress any such event
 * reports and the latest event time, so the answer is bounded by the accounts asked about whatever
 * the number of events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaliperProgressSource implements LearnerProgress {

    /**
     * The progress one event reports, over its payload {@code e.payload}: 100 when
     * {@code object.finished} is true or {@code object.completionType} is SUCCESSFULL (both in any
     * case, booleans possibly as strings), else {@code object.percentReading} (a number, or a string
     * holding a decimal number) clamped to 0–100, else 0 (the event still shows the learner started).
     * Clamped as numeric before the cast, so no stored number is out of range.
     */
    static final String EVENT_PROGRESS = """
            coalesce(case
                when lower(trim(e.payload #>> '{object,finished}')) = 'true'
                  or (jsonb_typeof(e.payload #> '{object,completionType}') = 'string'
                      and upper(trim(e.payload #>> '{object,completionType}')) = 'SUCCESSFULL') then 100
                when jsonb_typeof(e.payload #> '{object,percentReading}') = 'number'
                  then least(greatest((e.payload #> '{object,percentReading}')::numeric, 0), 100)::float8
                when jsonb_typeof(e.payload #> '{object,percentReading}') = 'string'
                  and trim(e.payload #>> '{object,percentReading}')
                      ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,4})?$'
                  then least(greatest(trim(e.payload #>> '{object,percentReading}')::numeric, 0), 100)::float8
            end, 0)""";

    @PersistenceContext
    EntityManager em;

    @Override
    public List<ProgressRecord> of(Collection<Long> accountIds, String activityId) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("select e.account_id, max(" + EVENT_PROGRESS + "), max(e.event_time)"
                        + """
                         from caliper_event e
                        join api_client c on c.client_id = e.client_id
                        join academy_membership m on m.academy_id = c.academy_id and m.account_id = e.account_id
                        where e.assignable = :activity and e.account_id in (:accounts)
                        group by e.account_id""")
                .setParameter("activity", activityId)
                .setParameter("accounts", accountIds)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(r -> new ProgressRecord(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue(), instant(r[2])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
