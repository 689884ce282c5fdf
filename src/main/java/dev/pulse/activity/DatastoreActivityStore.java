package dev.pulse.activity;

import com.google.cloud.NoCredentials;
import com.google.cloud.Timestamp;
import com.google.cloud.datastore.Datastore;
import com.google.cloud.datastore.DatastoreOptions;
import com.google.cloud.datastore.Entity;
import com.google.cloud.datastore.EntityQuery;
import com.google.cloud.datastore.Key;
import com.google.cloud.datastore.KeyFactory;
import com.google.cloud.datastore.Query;
import com.google.cloud.datastore.QueryResults;
import com.google.cloud.datastore.StringValue;
import com.google.cloud.datastore.StructuredQuery.CompositeFilter;
import com.google.cloud.datastore.StructuredQuery.Filter;
import com.google.cloud.datastore.StructuredQuery.OrderBy;
import com.google.cloud.datastore.StructuredQuery.PropertyFilter;
import dev.pulse.platform.input.Cursor;
import dev.pulse.platform.input.StorableTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Activities in Google Cloud Datastore, kinds {@code Activity} and {@code CodingError}, with the
 * composite indexes of {@code config/index.yaml}. Datastore allows range filters and a sort on
 * one property only, so each entity carries {@code order_key}: its creation time in microseconds
 * and its id, fixed-width, so that string order is listing order; since, until and the cursor
 * all become bounds on that one property. Several slugs: one query per slug, merged, as in
 * PostgreSQL. Datastore has no GROUP BY: reports read the matching entities and count them.
 */
public class DatastoreActivityStore implements ActivityStore {

    static final String ACTIVITY = "Activity";
    static final String CODING_ERROR = "CodingError";
    private static final String ORDER_KEY = "order_key";
    /** Shifts microseconds so that every instant from year 1 on is positive, hence fixed-width and sortable. */
    private static final long MICROS_OFFSET = 1L << 62;

    private final Datastore datastore;
    private final KeyFactory activities;
    private final KeyFactory errors;

    public DatastoreActivityStore(Datastore datastore) {
        this.datastore = Objects.requireNonNull(datastore, "datastore");
        this.activities = datastore.newKeyFactory().setKind(ACTIVITY);
        this.errors = datastore.newKeyFactory().setKind(CODING_ERROR);
    }

    /** A client for the project; through the emulator (no credentials) when its host is given. */
    public static DatastoreActivityStore connect(String project, String emulatorHost) {
        DatastoreOptions.Builder options = DatastoreOptions.newBuilder();
        if (project != null && !project.isBlank()) {
            options.setProjectId(project.trim());
        }
        if (emulatorHost != null && !emulatorHost.isBlank()) {
            String host = emulatorHost.trim();
            options.setHost(host.startsWith("http") ? host : "http://" + host)
                    .setCredentials(NoCredentials.getInstance());
        }
        return new DatastoreActivityStore(options.build().getService());
    }

    /** The sortable prefix of every key created at that instant. */
    static String timeKey(Instant at) {
        return String.format("%019d", StorableTime.of(at).micros() + MICROS_OFFSET);
    }

    static String orderKey(Instant at, long id) {
        return timeKey(at) + ":" + String.format("%019d", id);
    }

    @Override
    public Activity append(Activity a) {
        Key key = datastore.allocateId(activities.newKey());
        Entity.Builder e = Entity.newBuilder(key)
                .set("slug", a.slug())
                .set("user_id", a.userId())
                .set("created_at", timestamp(a.createdAt()))
                .set(ORDER_KEY, orderKey(a.createdAt(), key.getId()));
        setString(e, "email", a.email(), true);
        setLong(e, "cohort_id", a.cohortId());
        setString(e, "cohort", a.cohort(), true);
        setLong(e, "academy_id", a.academyId());
        setLong(e, "day", a.day() == null ? null : a.day().longValue());
        setString(e, "data", a.data(), false);
        setString(e, "user_agent", a.userAgent(), false);
        datastore.add(e.build());
        return a.withId(key.getId());
    }

    @Override
    public CodingError append(CodingError c) {
        Key key = datastore.allocateId(errors.newKey());
        Entity.Builder e = Entity.newBuilder(key)
                .set("slug", c.slug())
                .set("user_id", c.userId())
                .set("created_at", timestamp(c.createdAt()))
                .set(ORDER_KEY, orderKey(c.createdAt(), key.getId()));
        setString(e, "email", c.email(), true);
        setString(e, "data", c.data(), false);
        setString(e, "message", c.message(), false);
        setString(e, "name", c.name(), false);
        setLong(e, "severity", c.severity() == null ? null : c.severity().longValue());
        setString(e, "details", c.details(), false);
        setString(e, "user_agent", c.userAgent(), false);
        datastore.add(e.build());
        return c.withId(key.getId());
    }

    @Override
    public Page<Activity> userActivities(long userId, Window window) {
        return page(ACTIVITY, List.of(PropertyFilter.eq("user_id", userId)), window, DatastoreActivityStore::activity,
                Activity::cursor);
    }

    @Override
    public Page<Activity> cohortActivities(long cohortId, Window window) {
        return page(ACTIVITY, List.of(PropertyFilter.eq("cohort_id", cohortId)), window, DatastoreActivityStore::activity,
                Activity::cursor);
    }

    @Override
    public Page<Activity> cohortTextActivities(String cohort, Window window) {
        return page(ACTIVITY, textOnlyCohort(cohort), window, DatastoreActivityStore::activity, Activity::cursor);
    }

    /** Entities naming the cohort only as text: that cohort name and no cohort id. */
    private static List<Filter> textOnlyCohort(String cohort) {
        return List.of(PropertyFilter.eq("cohort", cohort), PropertyFilter.isNull("cohort_id"));
    }

    @Override
    public Page<CodingError> codingErrors(long userId, Window window) {
        // coding errors carry no academy: every one is visible to whoever may read the user
        return page(CODING_ERROR, List.of(PropertyFilter.eq("user_id", userId)), window.visibleIn(null),
                DatastoreActivityStore::codingError, CodingError::cursor);
    }

    private <T> Page<T> page(String kind, List<Filter> scope, Window w, Function<Entity, T> mapper,
            Function<T, Cursor> cursorOf) {
        int fetch = w.limit() + 1;
        List<String> slugs = w.slugs().isEmpty() ? java.util.Collections.singletonList(null)
                : new ArrayList<>(new TreeSet<>(w.slugs()));
        List<Entity> found = new ArrayList<>();
        // rows visible in one academy: those recorded there and those recorded in none, one query each, merged
        List<Filter> academies = w.visibleIn() == null ? java.util.Collections.singletonList(null)
                : List.of(PropertyFilter.eq("academy_id", w.visibleIn()), PropertyFilter.isNull("academy_id"));
        for (String slug : slugs) {
            for (Filter academy : academies) {
                List<Filter> filters = new ArrayList<>(scope);
                if (academy != null) {
                    filters.add(academy);
                }
                if (slug != null) {
                    filters.add(PropertyFilter.eq("slug", slug));
                }
                filters.addAll(bounds(w));
                EntityQuery query = Query.newEntityQueryBuilder().setKind(kind).setFilter(and(filters))
                        .setOrderBy(OrderBy.desc(ORDER_KEY)).setLimit(fetch).build();
                QueryResults<Entity> results = datastore.run(query);
                results.forEachRemaining(found::add);
            }
        }
        found.sort(Comparator.comparing((Entity e) -> e.getString(ORDER_KEY)).reversed());
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(found.size(), fetch); i++) {
            rows.add(mapper.apply(found.get(i)));
        }
        if (rows.size() > w.limit()) {
            List<T> pageRows = rows.subList(0, w.limit());
            return new Page<>(pageRows, cursorOf.apply(pageRows.get(pageRows.size() - 1)));
        }
        return new Page<>(rows, null);
    }

    /** since, until and the cursor as bounds on order_key. */
    private static List<Filter> bounds(Window w) {
        List<Filter> filters = new ArrayList<>();
        if (w.since() != null) {
            filters.add(PropertyFilter.ge(ORDER_KEY, timeKey(w.since())));
        }
        String upper = null;
        if (w.until() != null) {
            upper = timeKey(w.until());
        }
        if (w.after() != null) {
            String after = orderKey(w.after().at(), w.after().id());
            upper = upper == null || after.compareTo(upper) < 0 ? after : upper;
        }
        if (upper != null) {
            filters.add(PropertyFilter.lt(ORDER_KEY, upper));
        }
        return filters;
    }

    private static Filter and(List<Filter> filters) {
        if (filters.size() == 1) {
            return filters.get(0);
        }
        return CompositeFilter.and(filters.get(0), filters.subList(1, filters.size()).toArray(Filter[]::new));
    }

    @Override
    public List<Count> report(Report report) {
        List<Filter> filters = new ArrayList<>();
        // one equality scope per query (the indexes of index.yaml); a second scope is checked in memory
        if (report.userId() != null) {
            filters.add(PropertyFilter.eq("user_id", report.userId()));
        } else if (report.cohortId() != null) {
            filters.add(PropertyFilter.eq("cohort_id", report.cohortId()));
        } else if (report.cohortText() != null) {
            filters.addAll(textOnlyCohort(report.cohortText()));
        } else if (report.academyId() != null) {
            filters.add(PropertyFilter.eq("academy_id", report.academyId()));
        }
        filters.addAll(bounds(new Window(report.slugs(), report.since(), report.until(), null, 1)));
        EntityQuery.Builder query = Query.newEntityQueryBuilder().setKind(ACTIVITY).setOrderBy(OrderBy.desc(ORDER_KEY));
        if (!filters.isEmpty()) {
            query.setFilter(and(filters));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        QueryResults<Entity> results = datastore.run(query.build());
        while (results.hasNext()) {
            Activity a = activity(results.next());
            if (report.cohortId() != null && !report.cohortId().equals(a.cohortId())
                    || report.cohortText() != null && (a.cohortId() != null || !report.cohortText().equals(a.cohort()))
                    || report.academyId() != null && !report.academyId().equals(a.academyId())
                    || report.visibleIn() != null && a.academyId() != null && !report.visibleIn().equals(a.academyId())
                    || !report.slugs().isEmpty() && !report.slugs().contains(a.slug())) {
                continue;
            }
            String key = report.by() == Grouping.SLUG ? a.slug()
                    : a.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            counts.merge(key, 1L, Long::sum);
        }
        Comparator<Count> order = report.by() == Grouping.SLUG
                ? Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key)
                : Comparator.comparing(Count::key);
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).sorted(order).toList();
    }

    private static Activity activity(Entity e) {
        return new Activity(e.getKey().getId(), e.getString("slug"), e.getLong("user_id"), stringOrNull(e, "email"),
                longOrNull(e, "cohort_id"), stringOrNull(e, "cohort"), longOrNull(e, "academy_id"),
                e.contains("day") && !e.isNull("day") ? (int) e.getLong("day") : null,
                stringOrNull(e, "data"), stringOrNull(e, "user_agent"), instant(e.getTimestamp("created_at")));
    }

    private static CodingError codingError(Entity e) {
        return new CodingError(e.getKey().getId(), e.getString("slug"), e.getLong("user_id"), stringOrNull(e, "email"),
                stringOrNull(e, "data"), e.getString("message"), e.getString("name"),
                e.contains("severity") && !e.isNull("severity") ? (int) e.getLong("severity") : null,
                stringOrNull(e, "details"), stringOrNull(e, "user_agent"), instant(e.getTimestamp("created_at")));
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.ofTimeSecondsAndNanos(at.getEpochSecond(), at.getNano());
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Long longOrNull(Entity e, String name) {
        return e.contains(name) && !e.isNull(name) ? e.getLong(name) : null;
    }

    private static String stringOrNull(Entity e, String name) {
        return e.contains(name) && !e.isNull(name) ? e.getString(name) : null;
    }

    private static void setLong(Entity.Builder e, String name, Long value) {
        if (value == null) {
            e.setNull(name);
        } else {
            e.set(name, value);
        }
    }

    /** Free text is not indexed: it is never filtered on, and indexed strings are limited to 1500 bytes. */
    private static void setString(Entity.Builder e, String name, String value, boolean indexed) {
        if (value == null) {
            e.setNull(name);
        } else {
            e.set(name, StringValue.newBuilder(value).setExcludeFromIndexes(!indexed).build());
        }
    }
}
