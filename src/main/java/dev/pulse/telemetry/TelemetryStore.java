package dev.pulse.telemetry;

import dev.pulse.platform.input.Cursor;
import dev.pulse.telemetry.TelemetryMerge.Assignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The assignment_telemetry table, inside the caller's transaction. Reads go through JPA; every
 * write is one SQL statement built from a {@link TelemetryMerge.Write}: POST an INSERT ... ON
 * CONFLICT on the (academy, asset, student) key, PUT an UPDATE, so that neither reads first and
 * decides in Java.
 */
@ApplicationScoped
public class TelemetryStore {

    @PersistenceContext
    EntityManager em;

    /** Whose record: the academy, the student and the asset. */
    record Key(long academyId, long accountId, String assetSlug) {
    }

    /** A record's id after a POST, and whether the POST created it. */
    record Written(long id, boolean created) {
    }

    /** What the academy list is narrowed to: null asset or account means any; null members means everyone. */
    record Scope(long academyId, String assetSlug, Long accountId, Collection<Long> members) {
    }

    Optional<AssignmentTelemetry> find(Key key) {
        return em.createQuery("""
                        select t from AssignmentTelemetry t
                        where t.academyId = :academy and t.accountId = :account and t.assetSlug = :asset""",
                        AssignmentTelemetry.class)
                .setParameter("academy", key.academyId()).setParameter("account", key.accountId())
                .setParameter("asset", key.assetSlug())
                .getResultStream().findFirst();
    }

    AssignmentTelemetry load(long id) {
        return Optional.ofNullable(em.find(AssignmentTelemetry.class, id))
                .orElseThrow(() -> new IllegalStateException("telemetry " + id + " vanished inside its own transaction"));
    }

    /** Whether there was a record to delete. */
    boolean delete(Key key) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from assignment_telemetry where academy_id = ? and account_id = ? and asset_slug = ?""")) {
                delete.setLong(1, key.academyId());
                delete.setLong(2, key.accountId());
                delete.setString(3, key.assetSlug());
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** Inserts, or merges into the existing record. {@code xmax = 0} is true only for a row this statement inserted. */
    Written upsert(Key key, TelemetryMerge.Write write) {
        String columns = write.whenNew().stream().map(a -> ", " + a.column()).collect(Collectors.joining());
        String values = write.whenNew().stream().map(a -> ", " + placeholder(a)).collect(Collectors.joining());
        String sql = "insert into assignment_telemetry (academy_id, account_id, asset_slug" + columns
                + ") values (?, ?, ?" + values + ")"
                + " on conflict (academy_id, asset_slug, account_id) do update set " + sets(write.whenExisting())
                + " returning id, (xmax = 0) as inserted";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                int i = 1;
                upsert.setLong(i++, key.academyId());
                upsert.setLong(i++, key.accountId());
                upsert.setString(i++, key.assetSlug());
                i = bind(upsert, i, write.whenNew());
                bind(upsert, i, write.whenExisting());
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return new Written(row.getLong(1), row.getBoolean(2));
                }
            }
        });
    }

    /** Merges into the existing record; empty when there is none. */
    Optional<Long> update(Key key, TelemetryMerge.Write write) {
        String sql = "update assignment_telemetry set " + sets(write.whenExisting())
                + " where academy_id = ? and account_id = ? and asset_slug = ? returning id";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int i = bind(update, 1, write.whenExisting());
                update.setLong(i++, key.academyId());
                update.setLong(i++, key.accountId());
                update.setString(i, key.assetSlug());
                try (ResultSet row = update.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Up to {@code count} records of the scope, newest update first, strictly after {@code after}. */
    List<AssignmentTelemetry> page(Scope scope, Optional<Cursor> after, int count) {
        StringBuilder jpql = new StringBuilder("select t from AssignmentTelemetry t where t.academyId = :academy");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("academy", scope.academyId());
        if (scope.assetSlug() != null) {
            jpql.append(" and t.assetSlug = :asset");
            params.put("asset", scope.assetSlug());
        }
        if (scope.accountId() != null) {
            jpql.append(" and t.accountId = :account");
            params.put("account", scope.accountId());
        }
        if (scope.members() != null) {
            jpql.append(" and t.accountId in :members");
            params.put("members", scope.members());
        }
        if (after.isPresent()) {
            jpql.append(" and (t.updatedAt < :afterTime or (t.updatedAt = :afterTime and t.id < :afterId))");
            params.put("afterTime", after.get().at());
            params.put("afterId", after.get().id());
        }
        jpql.append(" order by t.updatedAt desc, t.id desc");
        TypedQuery<AssignmentTelemetry> query = em.createQuery(jpql.toString(), AssignmentTelemetry.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(count).getResultList();
    }

    /** Every record of these students (of one asset, or any when null), newest update first, as progress. */
    List<TelemetryProgress> progress(Collection<Long> accountIds, String assetSlug) {
        TypedQuery<AssignmentTelemetry> query = em.createQuery("""
                        select t from AssignmentTelemetry t where t.accountId in :accounts"""
                        + (assetSlug == null ? "" : " and t.assetSlug = :asset")
                        + " order by t.updatedAt desc, t.id desc", AssignmentTelemetry.class)
                .setParameter("accounts", accountIds);
        if (assetSlug != null) {
            query.setParameter("asset", assetSlug);
        }
        return query.getResultList().stream()
                .map(t -> new TelemetryProgress(t.accountId(), t.assetSlug(), t.completionRate(), t.totalTimeMicros(),
                        t.updatedAt()))
                .toList();
    }

    private static String sets(List<Assignment> assignments) {
        return assignments.stream().map(a -> a.column() + " = " + placeholder(a)).collect(Collectors.joining(", "));
    }

    private static String placeholder(Assignment assignment) {
        return assignment.type() == TelemetryMerge.Type.JSON ? "cast(? as jsonb)" : "?";
    }

    /** Binds the assignments' values from {@code index} on; returns the next free index. */
    private static int bind(PreparedStatement statement, int index, List<Assignment> assignments) throws SQLException {
        for (Assignment a : assignments) {
            Object value = a.value();
            switch (a.type()) {
                case JSON -> {
                    if (value == null) {
                        statement.setNull(index, Types.VARCHAR);
                    } else {
                        statement.setString(index, (String) value);
                    }
                }
                case NUMBER -> {
                    if (value == null) {
                        statement.setNull(index, Types.DOUBLE);
                    } else {
                        statement.setDouble(index, (Double) value);
                    }
                }
                case MICROS -> {
                    if (value == null) {
                        statement.setNull(index, Types.BIGINT);
                    } else {
                        statement.setLong(index, (Long) value);
                    }
                }
                case TIMESTAMP -> statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            }
            index++;
        }
        return index;
    }
}
