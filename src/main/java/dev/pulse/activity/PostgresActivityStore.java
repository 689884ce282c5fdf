package dev.pulse.activity;

import dev.pulse.platform.input.Cursor;
import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.persistence.GroupCommit;
import dev.pulse.platform.persistence.LocalTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * Activities in PostgreSQL (V2__activity.sql), through plain JDBC on the application's data
 * source, so that the ingest path carries no ORM overhead. Writes own their transaction, outside
 * any caller's: concurrent requests' rows share one commit through a {@link GroupCommit}, and
 * each returns only once its row is committed. Listings are keyset scans of one index each; several slugs become one index scan
 * per slug, merged (UNION ALL, each limited), which stays index-only in cost where an IN list
 * would read and sort every matching row.
 */
public class PostgresActivityStore implements ActivityStore {

    private static final String ACTIVITY_COLUMNS =
            "id, slug, account_id, email, cohort_id, cohort_slug, academy_id, day, data::text as data, user_agent, created_at";
    private static final String ERROR_COLUMNS =
            "id, slug, account_id, email, data::text as data, message, name, severity, details, user_agent, created_at";

    /** The most single writes one transaction holds. */
    static final int MAX_BATCH = 500;

    private final DataSource dataSource;
    private final Meter meter;
    private final GroupCommit<Activity, Activity> activities;
    private final GroupCommit<CodingError, CodingError> codingErrors;

    public PostgresActivityStore(DataSource dataSource, Meter meter) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.activities = new GroupCommit<>("activities", MAX_BATCH, meter, this::insertActivities);
        this.codingErrors = new GroupCommit<>("coding errors", MAX_BATCH, meter, this::insertCodingErrors);
    }

    @Override
    public Activity append(Activity activity) {
        return activities.write(activity);
    }

    @Override
    public CodingError append(CodingError error) {
        return codingErrors.write(error);
    }

    private List<Activity> insertActivities(List<Activity> batch) {
        return insert("activities", """
                insert into activity (slug, account_id, email, cohort_id, cohort_slug, academy_id, day, data,
                                      user_agent, created_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""", batch, (s, a) -> {
            s.setString(1, a.slug());
            s.setLong(2, a.userId());
            s.setString(3, a.email());
            setLong(s, 4, a.cohortId());
            s.setString(5, a.cohort());
            setLong(s, 6, a.academyId());
            setInt(s, 7, a.day());
            s.setString(8, a.data());
            s.setString(9, a.userAgent());
            s.setObject(10, a.createdAt().atOffset(ZoneOffset.UTC));
        }, Activity::withId);
    }

    private List<CodingError> insertCodingErrors(List<CodingError> batch) {
        return insert("coding errors", """
                insert into coding_error (slug, account_id, email, data, message, name, severity, details,
                                          user_agent, created_at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)""", batch, (s, e) -> {
            s.setString(1, e.slug());
            s.setLong(2, e.userId());
            s.setString(3, e.email());
            s.setString(4, e.data());
            s.setString(5, e.message());
            s.setString(6, e.name());
            setInt(s, 7, e.severity());
            s.setString(8, e.details());
            s.setString(9, e.userAgent());
            s.setObject(10, e.createdAt().atOffset(ZoneOffset.UTC));
        }, CodingError::withId);
    }

    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** One JDBC batch in one local transaction; answers the rows with their generated ids, in order. */
    private <T> List<T> insert(String what, String sql, List<T> batch, Binder<T> binder, BiFunction<T, Long, T> withId) {
        try {
            return LocalTransactions.commit(dataSource, meter, c -> {
                try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
                    for (T row : batch) {
                        binder.bind(s, row);
                        s.addBatch();
                    }
                    s.executeBatch();
                    List<T> stored = new ArrayList<>(batch.size());
                    try (ResultSet ids = s.getGeneratedKeys()) {
                        for (T row : batch) {
                            if (!ids.next()) {
                                throw new SQLException("fewer generated ids than " + what);
                            }
                            stored.add(withId.apply(row, ids.getLong(1)));
                        }
                    }
                    return stored;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + batch.size() + " " + what, e);
        }
    }

    @Override
    public Page<Activity> userActivities(long userId, Window window) {
        return page("activity", ACTIVITY_COLUMNS, "account_id = ?", userId, window, PostgresActivityStore::activity);
    }

    @Override
    public Page<Activity> cohortActivities(long cohortId, Window window) {
        return page("activity", ACTIVITY_COLUMNS, "cohort_id = ?", cohortId, window, PostgresActivityStore::activity);
    }

    @Override
    public Page<Activity> cohortTextActivities(String cohort, Window window) {
        // the partial index activity_cohort_text holds exactly these rows
        return page("activity", ACTIVITY_COLUMNS, "cohort_slug = ? and cohort_id is null", cohort, window,
                PostgresActivityStore::activity);
    }

    @Override
    public Page<CodingError> codingErrors(long userId, Window window) {
        // coding errors carry no academy: every one is visible to whoever may read the user
        return page("coding_error", ERROR_COLUMNS, "account_id = ?", userId, window.visibleIn(null),
                PostgresActivityStore::codingError);
    }

    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    /** Fetches limit + 1 rows: the extra one only says whether a next page exists. {@code scope} has one parameter. */
    private <T> Page<T> page(String table, String columns, String scope, Object scopeValue, Window w, RowMapper<T> mapper) {
        StringBuilder common = new StringBuilder(scope);
        if (w.since() != null) {
            common.append(" and created_at >= ?");
        }
        if (w.until() != null) {
            common.append(" and created_at < ?");
        }
        if (w.after() != null) {
            common.append(" and (created_at, id) < (?, ?)");
        }
        if (w.visibleIn() != null) {
            // a filter on the user's index: rows of other academies are read and skipped (about 1.5 µs
            // each), which a user's few academies keep small; an index with academy_id would make it
            // two exact scans but cost a fifth btree on every insert of this append-mostly table
            common.append(" and (academy_id = ? or academy_id is null)");
        }
        String order = " order by created_at desc, id desc limit ?";
        List<String> slugs = new ArrayList<>(new TreeSet<>(w.slugs()));
        String sql;
        if (slugs.isEmpty()) {
            sql = "select " + columns + " from " + table + " where " + common + order;
        } else if (slugs.size() == 1) {
            sql = "select " + columns + " from " + table + " where " + common + " and slug = ?" + order;
        } else {
            StringBuilder union = new StringBuilder("select * from (");
            for (int i = 0; i < slugs.size(); i++) {
                if (i > 0) {
                    union.append(" union all ");
                }
                union.append("(select ").append(columns).append(" from ").append(table).append(" where ")
                        .append(common).append(" and slug = ?").append(order).append(")");
            }
            sql = union.append(") merged").append(order).toString();
        }
        int fetch = w.limit() + 1;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            int branches = Math.max(1, slugs.size());
            for (int b = 0; b < branches; b++) {
                s.setObject(p++, scopeValue);
                if (w.since() != null) {
                    s.setObject(p++, w.since().atOffset(ZoneOffset.UTC));
                }
                if (w.until() != null) {
                    s.setObject(p++, w.until().atOffset(ZoneOffset.UTC));
                }
                if (w.after() != null) {
                    s.setObject(p++, w.after().at().atOffset(ZoneOffset.UTC));
                    s.setLong(p++, w.after().id());
                }
                if (w.visibleIn() != null) {
                    s.setLong(p++, w.visibleIn());
                }
                if (!slugs.isEmpty()) {
                    s.setString(p++, slugs.get(b));
                }
                s.setInt(p++, fetch);
            }
            if (slugs.size() > 1) {
                s.setInt(p, fetch);
            }
            List<T> rows = new ArrayList<>(fetch);
            List<Cursor> cursors = new ArrayList<>(fetch);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(mapper.map(r));
                    cursors.add(new Cursor(instant(r, "created_at"), r.getLong("id")));
                }
            }
            if (rows.size() > w.limit()) {
                return new Page<>(rows.subList(0, w.limit()), cursors.get(w.limit() - 1));
            }
            return new Page<>(rows, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list " + table, e);
        }
    }

    @Override
    public List<Count> report(Report report) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (report.userId() != null) {
            where.append(" and account_id = ?");
            params.add(report.userId());
        }
        if (report.cohortId() != null) {
            where.append(" and cohort_id = ?");
            params.add(report.cohortId());
        }
        if (report.cohortText() != null) {
            where.append(" and cohort_slug = ? and cohort_id is null");
            params.add(report.cohortText());
        }
        if (report.academyId() != null) {
            where.append(" and academy_id = ?");
            params.add(report.academyId());
        }
        if (report.visibleIn() != null) {
            where.append(" and (academy_id = ? or academy_id is null)");
            params.add(report.visibleIn());
        }
        if (!report.slugs().isEmpty()) {
            where.append(" and slug = any (?)");
            params.add(report.slugs().toArray(String[]::new));
        }
        if (report.since() != null) {
            where.append(" and created_at >= ?");
            params.add(report.since().atOffset(ZoneOffset.UTC));
        }
        if (report.until() != null) {
            where.append(" and created_at < ?");
            params.add(report.until().atOffset(ZoneOffset.UTC));
        }
        String sql = report.by() == Grouping.SLUG
                ? "select slug as key, count(*) from activity" + where + " group by slug order by 2 desc, 1"
                : "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as key, count(*) from activity" + where
                        + " group by 1 order by 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("varchar", array));
                } else {
                    s.setObject(i + 1, value);
                }
            }
            List<Count> counts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.add(new Count(r.getString(1), r.getLong(2)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not report on activities", e);
        }
    }

    private static Activity activity(ResultSet r) throws SQLException {
        return new Activity(r.getLong("id"), r.getString("slug"), r.getLong("account_id"), r.getString("email"),
                r.getObject("cohort_id", Long.class), r.getString("cohort_slug"), r.getObject("academy_id", Long.class),
                r.getObject("day", Integer.class), r.getString("data"), r.getString("user_agent"), instant(r, "created_at"));
    }

    private static CodingError codingError(ResultSet r) throws SQLException {
        return new CodingError(r.getLong("id"), r.getString("slug"), r.getLong("account_id"), r.getString("email"),
                r.getString("data"), r.getString("message"), r.getString("name"), r.getObject("severity", Integer.class),
                r.getString("details"), r.getString("user_agent"), instant(r, "created_at"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
