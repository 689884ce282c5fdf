package dev.pulse.caliper;

import dev.pulse.platform.input.Cursor;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.input.PageRequest;
import dev.pulse.platform.input.UrnUuid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stored events for the query API: a client sees only its own, a platform administrator
 * sees everyone's. Newest first by event time, paged by the platform's keyset {@link Cursor} (event
 * time, sequence) so pages stay stable while new events arrive; the next page's cursor goes back
 * as {@code nextCursor}, the parameter that takes it is {@code cursor}.
 */
@ApplicationScoped
@Transactional
public class CaliperEvents {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @PersistenceContext
    EntityManager em;

    /** The filters of GET /analytics/events; null means "any". clientId null = every client (administrators). */
    public record Filter(String clientId, String assignee, String assignable, String type, String since, String until,
            String id, String limit, String cursor) {
    }

    /** One page of events, newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<CaliperEvent> events, String nextCursor) {
    }

    public Page find(Filter f) {
        Map<String, String> times = new HashMap<>();
        times.put("since", blankToNull(f.since()));
        times.put("until", blankToNull(f.until()));
        JsonFields parameters = JsonFields.of(times, CaliperFieldMessages.CALIPER);
        PageRequest page = PageRequest.read(f.limit(), f.cursor(), DEFAULT_LIMIT, MAX_LIMIT, parameters);
        Instant since = parameters.optionalTime("since").orElse(null);
        Instant until = parameters.optionalTime("until").orElse(null);
        parameters.check();
        int limit = page.limit();
        Cursor after = page.after().orElse(null);

        StringBuilder jpql = new StringBuilder("select e from StoredEvent e where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        add(jpql, params, "e.clientId = :client", "client", f.clientId());
        add(jpql, params, "e.assignee = :assignee", "assignee", assigneeRef(f.assignee()));
        add(jpql, params, "e.assignable = :assignable", "assignable", blankToNull(f.assignable()));
        add(jpql, params, "e.type = :type", "type", blankToNull(f.type()));
        add(jpql, params, "e.eventId = :id", "id", blankToNull(f.id()));
        add(jpql, params, "e.eventTime >= :since", "since", since);
        add(jpql, params, "e.eventTime < :until", "until", until);
        if (after != null) {
            jpql.append(" and (e.eventTime < :ct or (e.eventTime = :ct and e.seq < :cs))");
            params.put("ct", after.at());
            params.put("cs", after.id());
        }
        jpql.append(" order by e.eventTime desc, e.seq desc");
        TypedQuery<StoredEvent> query = em.createQuery(jpql.toString(), StoredEvent.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<StoredEvent> found = query.getResultList();
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            StoredEvent last = found.get(limit - 1);
            next = new Cursor(last.eventTime(), last.seq()).encode();
        }
        return new Page(found.stream().map(CaliperEvent::of).toList(), next);
    }

    /** One event by its id, among the client's own (or anyone's, for clientId null). */
    public Optional<CaliperEvent> byId(String clientId, String eventId) {
        Page page = find(new Filter(clientId, null, null, null, null, null, eventId, "1", null));
        return page.events().stream().findFirst();
    }

    private static void add(StringBuilder jpql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    /** Assignees are stored as sent (urn:uuid:...); a bare uuid finds them too. */
    private static String assigneeRef(String assignee) {
        String a = blankToNull(assignee);
        if (a != null && !a.regionMatches(true, 0, UrnUuid.PREFIX, 0, UrnUuid.PREFIX.length())
                && UrnUuid.uuidOf(a).isPresent()) {
            return UrnUuid.PREFIX + a;
        }
        return a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
