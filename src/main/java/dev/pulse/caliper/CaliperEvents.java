package dev.pulse.caliper;

import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stored events for the query API: a client sees only its own, a platform administrator
 * sees everyone's. Newest first by event time, paged by a keyset cursor (event time, sequence) so
 * pages stay stable while new events arrive.
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
        int limit = limit(f.limit());
        Instant since = time("since", f.since());
        Instant until = time("until", f.until());
        Cursor after = Cursor.decode(f.cursor());

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
            params.put("ct", after.time());
            params.put("cs", after.seq());
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
        if (a != null && a.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return "urn:uuid:" + a;
        }
        return a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int limit(String raw) {
        if (blankToNull(raw) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw ApiError.invalid(Map.of("limit", List.of("Field limit must be a whole number from 1 to " + MAX_LIMIT)));
    }

    private static Instant time(String field, String raw) {
        if (blankToNull(raw) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(Map.of(field, List.of("Field " + field
                    + " must be an ISO 8601 date-time with offset, such as 2024-03-01T10:15:00Z")));
        }
    }

    /** Where the previous page ended: opaque to callers. */
    record Cursor(Instant time, long seq) {
        String encode() {
            String raw = time.getEpochSecond() + ":" + time.getNano() + ":" + seq;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8).split(":");
                if (parts.length != 3) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                throw ApiError.invalid(Map.of("cursor", List.of("Field cursor is not a cursor this API returned")));
            }
        }
    }
}
