package dev.pulse.telemetry;

import dev.pulse.identity.Account;
import dev.pulse.identity.AcademyRoster;
import dev.pulse.identity.Accounts;
import dev.pulse.identity.Cohort;
import dev.pulse.identity.Cohorts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.telemetry.TelemetryChanges.Field;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The rules of assignment telemetry: who may be written about, what a body may change, and the
 * SQL that makes upserts and partial updates safe when requests race. Every write is one
 * statement: POST is INSERT ... ON CONFLICT on the (academy, asset, student) key, PUT an UPDATE
 * that sets only the columns the body carries, so neither reads first and decides in Java.
 */
@ApplicationScoped
@Transactional
public class AssignmentTelemetries {

    /** The most telemetry JSON one record holds (the 10 MiB); the body limit for these paths is a little higher. */
    public static final int MAX_TELEMETRY_BYTES = 10 * 1024 * 1024;
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AcademyRoster roster;

    @Inject
    Cohorts cohorts;

    @Inject
    Clock clock;

    /** A record after a POST, and whether the POST created it. */
    public record Upserted(AssignmentTelemetry record, boolean created) {
    }

    /** One page of the academy list and the cursor of the next page, if there is one. */
    public record Page(List<AssignmentTelemetry> records, Optional<TelemetryCursor> next) {
    }

    /** What the academy list is narrowed to; null means "any". */
    public record Filter(String asset, String user, String cohort, String limit, String cursor) {
    }

    /** POST: creates the record or changes only the fields present in the body. */
    public Upserted upsert(long academyId, String userRef, String assetSlug, JsonValue body) {
        Account student = requireStudent(academyId, userRef);
        TelemetryChanges changes = checked(assetSlug, body);
        Instant now = now();
        long[] written = em.unwrap(Session.class).doReturningWork(connection ->
                insertOrUpdate(connection, academyId, student.id(), assetSlug, changes, now));
        return new Upserted(load(written[0]), written[1] == 1);
    }

    /** PUT: changes only the fields present; 404 when the record does not exist. */
    public AssignmentTelemetry update(long academyId, String userRef, String assetSlug, JsonValue body) {
        Account student = requireStudent(academyId, userRef);
        TelemetryChanges changes = checked(assetSlug, body);
        Instant now = now();
        Optional<Long> id = em.unwrap(Session.class).doReturningWork(connection ->
                updateExisting(connection, academyId, student.id(), assetSlug, changes, now));
        return load(id.orElseThrow(() -> notFound(assetSlug, userRef)));
    }

    public AssignmentTelemetry find(long academyId, String userRef, String assetSlug) {
        Account student = requireStudent(academyId, userRef);
        TelemetryValidator.requireSlug(assetSlug);
        return em.createQuery("""
                        select t from AssignmentTelemetry t
                        where t.academyId = :academy and t.accountId = :account and t.assetSlug = :asset""",
                        AssignmentTelemetry.class)
                .setParameter("academy", academyId).setParameter("account", student.id())
                .setParameter("asset", assetSlug)
                .getResultStream().findFirst()
                .orElseThrow(() -> notFound(assetSlug, userRef));
    }

    public void delete(long academyId, String userRef, String assetSlug) {
        Account student = requireStudent(academyId, userRef);
        TelemetryValidator.requireSlug(assetSlug);
        int deleted = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from assignment_telemetry where academy_id = ? and account_id = ? and asset_slug = ?""")) {
                delete.setLong(1, academyId);
                delete.setLong(2, student.id());
                delete.setString(3, assetSlug);
                return delete.executeUpdate();
            }
        });
        if (deleted == 0) {
            throw notFound(assetSlug, userRef);
        }
    }

    /** The academy's records, newest update first, a page at a time. */
    public Page list(long academyId, Filter filter) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        int limit = DEFAULT_PAGE;
        if (filter.limit() != null && !filter.limit().isBlank()) {
            try {
                int asked = Integer.parseInt(filter.limit().trim());
                if (asked < 1) {
                    errors.put("limit", List.of("Ensure this value is greater than or equal to 1."));
                }
                limit = Math.min(Math.max(asked, 1), MAX_PAGE); // larger pages are cut to the maximum, as DRF does
            } catch (NumberFormatException e) {
                errors.put("limit", List.of("A valid integer is required."));
            }
        }
        Optional<TelemetryCursor> after = Optional.empty();
        if (filter.cursor() != null && !filter.cursor().isBlank()) {
            after = TelemetryCursor.decode(filter.cursor());
            if (after.isEmpty()) {
                errors.put("cursor", List.of("Invalid cursor."));
            }
        }
        if (filter.asset() != null && !filter.asset().isBlank()) {
            List<String> slug = TelemetryValidator.slugErrors(filter.asset());
            if (!slug.isEmpty()) {
                errors.put("asset", slug);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }

        StringBuilder jpql = new StringBuilder("select t from AssignmentTelemetry t where t.academyId = :academy");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("academy", academyId);
        if (filter.asset() != null && !filter.asset().isBlank()) {
            jpql.append(" and t.assetSlug = :asset");
            params.put("asset", filter.asset());
        }
        if (filter.user() != null && !filter.user().isBlank()) {
            Optional<Account> user = accounts.resolve(filter.user());
            if (user.isEmpty()) {
                return new Page(List.of(), Optional.empty()); // nobody by that reference has records
            }
            jpql.append(" and t.accountId = :account");
            params.put("account", user.get().id());
        }
        if (filter.cohort() != null && !filter.cohort().isBlank()) {
            Cohort cohort = cohorts.resolve(filter.cohort())
                    .filter(c -> c.academy().id() == academyId)
                    .orElseThrow(() -> ApiError.notFound("cohort-not-found", "Cohort " + filter.cohort() + " not found"));
            List<Long> members = cohorts.memberAccountIds(cohort.id());
            if (members.isEmpty()) {
                return new Page(List.of(), Optional.empty());
            }
            jpql.append(" and t.accountId in :members");
            params.put("members", members);
        }
        if (after.isPresent()) {
            jpql.append(" and (t.updatedAt < :afterTime or (t.updatedAt = :afterTime and t.id < :afterId))");
            params.put("afterTime", after.get().updatedAt());
            params.put("afterId", after.get().id());
        }
        jpql.append(" order by t.updatedAt desc, t.id desc");
        TypedQuery<AssignmentTelemetry> query = em.createQuery(jpql.toString(), AssignmentTelemetry.class);
        params.forEach(query::setParameter);
        List<AssignmentTelemetry> rows = query.setMaxResults(limit + 1).getResultList();
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<AssignmentTelemetry> page = rows.subList(0, limit);
        AssignmentTelemetry last = page.get(limit - 1);
        return new Page(List.copyOf(page), Optional.of(new TelemetryCursor(last.updatedAt(), last.id())));
    }

    /**
     * Each student's latest progress per asset, for the groups aggregate. {@code assetSlug} null
     * means every asset. Students without telemetry are simply absent from the answer.
     */
    public List<TelemetryProgress> latestProgress(Collection<Long> accountIds, String assetSlug) {
        if (accountIds == null || accountIds.isEmpty()) {
            return List.of();
        }
        TypedQuery<AssignmentTelemetry> query = em.createQuery("""
                        select t from AssignmentTelemetry t where t.accountId in :accounts"""
                        + (assetSlug == null ? "" : " and t.assetSlug = :asset")
                        + " order by t.updatedAt desc, t.id desc", AssignmentTelemetry.class)
                .setParameter("accounts", accountIds);
        if (assetSlug != null) {
            query.setParameter("asset", assetSlug);
        }
        return latestPerStudentAndAsset(query.getResultList().stream()
                .map(t -> new TelemetryProgress(t.accountId(), t.assetSlug(), t.completionRate(), t.totalTimeMicros(),
                        t.updatedAt()))
                .toList());
    }

    /** Keeps the most recently updated record per (student, asset): a student may have one per academy. */
    static List<TelemetryProgress> latestPerStudentAndAsset(List<TelemetryProgress> records) {
        Map<String, TelemetryProgress> latest = new LinkedHashMap<>();
        for (TelemetryProgress p : records) {
            latest.merge(p.accountId() + "\n" + p.assetSlug(), p,
                    (kept, other) -> other.updatedAt().isAfter(kept.updatedAt()) ? other : kept);
        }
        return new ArrayList<>(latest.values());
    }

    /** The student must exist and belong to the academy; both failures read the same, as in BreatheCode. */
    private Account requireStudent(long academyId, String userRef) {
        Account student = accounts.require(userRef);
        if (!roster.isMember(student.id(), academyId)) {
            throw ApiError.notFound("user-not-found", "User with id " + userRef + " not found");
        }
        return student;
    }

    private static TelemetryChanges checked(String assetSlug, JsonValue body) {
        TelemetryChanges changes = TelemetryValidator.validate(assetSlug, body);
        Object telemetry = changes.get(Field.TELEMETRY);
        if (telemetry instanceof String json && json.length() > MAX_TELEMETRY_BYTES / 4
                && json.getBytes(StandardCharsets.UTF_8).length > MAX_TELEMETRY_BYTES) {
            throw new ApiError(413, "payload-too-large",
                    "Telemetry is larger than the limit of " + MAX_TELEMETRY_BYTES + " bytes");
        }
        return changes;
    }

    private static ApiError notFound(String assetSlug, String userRef) {
        return ApiError.notFound("telemetry-not-found",
                "Assignment telemetry not found for asset " + assetSlug + " and user " + userRef);
    }

    private AssignmentTelemetry load(long id) {
        return Optional.ofNullable(em.find(AssignmentTelemetry.class, id))
                .orElseThrow(() -> new IllegalStateException("telemetry " + id + " vanished inside its own transaction"));
    }

    /** PostgreSQL keeps microseconds; cutting here keeps cursors and responses equal to what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Returns {id, 1 if inserted else 0}. {@code xmax = 0} is true only for a row this statement inserted. */
    private static long[] insertOrUpdate(Connection connection, long academyId, long accountId, String assetSlug,
            TelemetryChanges changes, Instant now) throws SQLException {
        List<Field> fields = new ArrayList<>(changes.values().keySet());
        String columns = fields.stream().map(f -> ", " + f.column()).collect(Collectors.joining());
        String values = fields.stream().map(f -> ", " + placeholder(f)).collect(Collectors.joining());
        String updates = fields.stream().map(f -> f.column() + " = excluded." + f.column() + ", ")
                .collect(Collectors.joining());
        String sql = "insert into assignment_telemetry (academy_id, account_id, asset_slug" + columns
                + ", created_at, updated_at) values (?, ?, ?" + values + ", ?, ?)"
                + " on conflict (academy_id, asset_slug, account_id) do update set " + updates
                + "updated_at = excluded.updated_at returning id, (xmax = 0) as inserted";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            int i = 1;
            upsert.setLong(i++, academyId);
            upsert.setLong(i++, accountId);
            upsert.setString(i++, assetSlug);
            for (Field f : fields) {
                bind(upsert, i++, f, changes.get(f));
            }
            OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            upsert.setObject(i++, at);
            upsert.setObject(i, at);
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getBoolean(2) ? 1 : 0};
            }
        }
    }

    private static Optional<Long> updateExisting(Connection connection, long academyId, long accountId,
            String assetSlug, TelemetryChanges changes, Instant now) throws SQLException {
        List<Field> fields = new ArrayList<>(changes.values().keySet());
        String sets = fields.stream().map(f -> f.column() + " = " + placeholder(f) + ", ").collect(Collectors.joining());
        String sql = "update assignment_telemetry set " + sets + "updated_at = ?"
                + " where academy_id = ? and account_id = ? and asset_slug = ? returning id";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            for (Field f : fields) {
                bind(update, i++, f, changes.get(f));
            }
            update.setObject(i++, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setLong(i++, academyId);
            update.setLong(i++, accountId);
            update.setString(i, assetSlug);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static String placeholder(Field field) {
        return field.kind() == Field.Kind.JSON_OBJECT ? "cast(? as jsonb)" : "?";
    }

    private static void bind(PreparedStatement statement, int index, Field field, Object value) throws SQLException {
        switch (field.kind()) {
            case JSON_OBJECT -> {
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
        }
    }
}
