package dev.pulse.telemetry;

import dev.pulse.platform.input.Cursor;
import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.persistence.GroupCommit;
import dev.pulse.platform.persistence.LargeData;
import dev.pulse.platform.persistence.LocalTransactions;
import dev.pulse.telemetry.TelemetryMerge.Assignment;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.Session;

/**
 * The assignment_telemetry table. Reads go through JPA; every write is one SQL statement built
 * from a {@link TelemetryMerge.Write}: POST an INSERT ... ON CONFLICT on the (academy, asset,
 * student) key, PUT an UPDATE, so that neither reads first and decides in Java. PUT and DELETE
 * run inside the caller's transaction; POSTs are group-committed (see {@link #upsert}).
 */
@ApplicationScoped
public class TelemetryStore {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/pulse")
    DataSource dataSource;

    @Inject
    Meter meter;

    private GroupCommit<Upsert, Written> upserts;

    @PostConstruct
    void init() {
        upserts = new GroupCommit<>("telemetry upserts", MAX_BATCH, meter, this::upsertAll);
    }

    /** Whose record: the academy, the student and the asset. */
    record Key(long academyId, long accountId, String assetSlug) {
    }

    /** A record as a POST left it, and whether the POST created it. */
    record Written(AssignmentTelemetry record, boolean created) {
    }

    /** One POST's write. */
    private record Upsert(Key key, TelemetryMerge.Write write) {
    }

    /** The most POSTs one transaction holds. */
    static final int MAX_BATCH = 200;

    private static final String COLUMNS = "id, academy_id, account_id, asset_slug, telemetry::text, engagement_score,"
            + " frustration_score, metrics_algo_version, metrics::text, total_time_micros, completion_rate, created_at,"
            + " updated_at";

    /** What the academy list is narrowed to: null asset or account means any; null members means everyone. */
    record Scope(long academyId, String assetSlug, Long accountId, Collection<Long> members) {
    }

    Optional<AssignmentTelemetry> find(Key key) {
        return LargeData.read(em, () -> em.createQuery("""
                        select t from AssignmentTelemetry t
                        where t.academyId = :academy and t.accountId = :account and t.assetSlug = :asset""",
                        AssignmentTelemetry.class)
                .setParameter("academy", key.academyId()).setParameter("account", key.accountId())
                .setParameter("asset", key.assetSlug())
                .getResultStream().findFirst());
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

    /**
     * Inserts, or merges into the existing record, in a transaction of its own that other
     * requests' upserts share; returns once that transaction has committed. Must not be called
     * inside a JTA transaction.
     */
    Written upsert(Key key, TelemetryMerge.Write write) {
        return upserts.write(new Upsert(key, write));
    }

    /**
     * The upserts one after the other, in one local transaction, so that two for the same record
     * merge in order as two requests would. Each answers the record as its own statement left it
     * (read right after it: the row stays locked by this transaction); {@code xmax = 0} is true
     * only for a row that statement inserted.
     */
    private List<Written> upsertAll(List<Upsert> batch) {
        try {
            long bytes = batch.stream().mapToLong(upsert -> upsert.write().bytes()).sum();
            return LocalTransactions.commit(dataSource, meter, bytes, c -> {
                List<Written> written = new ArrayList<>(batch.size());
                for (Upsert upsert : batch) {
                    written.add(upsert(c, upsert.key(), upsert.write()));
                }
                return written;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not upsert " + batch.size() + " telemetry records", e);
        }
    }

    private static Written upsert(Connection c, Key key, TelemetryMerge.Write write) throws SQLException {
        String columns = write.whenNew().stream().map(a -> ", " + a.column()).collect(Collectors.joining());
        String values = write.whenNew().stream().map(a -> ", " + placeholder(a)).collect(Collectors.joining());
        String sql = "insert into assignment_telemetry (academy_id, account_id, asset_slug" + columns
                + ") values (?, ?, ?" + values + ")"
                + " on conflict (academy_id, asset_slug, account_id) do update set " + sets(write.whenExisting())
                + unlessSame(write)
                + " returning id, (xmax = 0) as inserted";
        try (PreparedStatement upsert = c.prepareStatement(sql)) {
            int i = 1;
            upsert.setLong(i++, key.academyId());
            upsert.setLong(i++, key.accountId());
            upsert.setString(i++, key.assetSlug());
            i = bind(upsert, i, write.whenNew());
            bind(upsert, i, write.whenExisting());
            try (ResultSet row = upsert.executeQuery()) {
                if (row.next()) {
                    return new Written(read(c, row.getLong(1)), row.getBoolean(2));
                }
            }
            // the record already held these values: the statement locked it and left it as it was
            return new Written(readExisting(c, key), false);
        }
    }

    /**
     * The condition under which a write marked {@code unlessSame} changes an existing record: one of its
     * fields differs from what the statement would insert ({@code excluded}), so nothing is bound twice.
     */
    private static String unlessSame(TelemetryMerge.Write write) {
        List<String> fields = write.fieldColumns();
        if (!write.unlessSame() || fields.isEmpty()) {
            return "";
        }
        return " where (" + fields.stream().map(f -> "assignment_telemetry." + f).collect(Collectors.joining(", "))
                + ") is distinct from (" + fields.stream().map(f -> "excluded." + f).collect(Collectors.joining(", "))
                + ")";
    }

    private static AssignmentTelemetry readExisting(Connection c, Key key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS
                + " from assignment_telemetry where academy_id = ? and account_id = ? and asset_slug = ?")) {
            select.setLong(1, key.academyId());
            select.setLong(2, key.accountId());
            select.setString(3, key.assetSlug());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return record(row);
            }
        }
    }

    private static AssignmentTelemetry read(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from assignment_telemetry where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return record(row);
            }
        }
    }

    private static AssignmentTelemetry record(ResultSet r) throws SQLException {
        return new AssignmentTelemetry(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5),
                r.getObject(6, Double.class), r.getObject(7, Double.class), r.getObject(8, Double.class), r.getString(9), r.getObject(10, Long.class),
                r.getObject(11, Double.class), r.getObject(12, OffsetDateTime.class).toInstant(),
                r.getObject(13, OffsetDateTime.class).toInstant());
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

    /** A record's place in the list: its keyset position, without its documents. */
    record Position(long id, Instant updatedAt) {
        Cursor cursor() {
            return new Cursor(updatedAt, id);
        }
    }

    /** The record at a position with its documents; empty when it was deleted since. */
    Optional<AssignmentTelemetry> find(Position position) {
        return LargeData.read(em, () -> Optional.ofNullable(em.find(AssignmentTelemetry.class, position.id())));
    }

    /** Forgets a record read but not answered, so that its documents can be collected. */
    void forget(AssignmentTelemetry record) {
        em.detach(record);
    }

    /** Up to {@code count} positions of the scope, newest update first, strictly after {@code after}. */
    List<Position> page(Scope scope, Optional<Cursor> after, int count) {
        StringBuilder jpql = new StringBuilder(
                "select new dev.pulse.telemetry.TelemetryStore$Position(t.id, t.updatedAt) from AssignmentTelemetry t"
                        + " where t.academyId = :academy");
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
        TypedQuery<Position> query = em.createQuery(jpql.toString(), Position.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(count).getResultList();
    }

    /**
     * Every record of these students (of one asset, or any when null), newest update first, as progress:
     * at most one per student, asset and academy. Only the columns progress needs are read, never the
     * telemetry documents, which can be megabytes each.
     */
    List<TelemetryProgress> progress(Collection<Long> accountIds, String assetSlug) {
        TypedQuery<TelemetryProgress> query = em.createQuery("""
                        select new dev.pulse.telemetry.TelemetryProgress(t.accountId, t.assetSlug, t.completionRate,
                            t.totalTimeMicros, t.updatedAt)
                        from AssignmentTelemetry t where t.accountId in :accounts"""
                        + (assetSlug == null ? "" : " and t.assetSlug = :asset")
                        + " order by t.updatedAt desc, t.id desc", TelemetryProgress.class)
                .setParameter("accounts", accountIds);
        if (assetSlug != null) {
            query.setParameter("asset", assetSlug);
        }
        return query.getResultList();
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
