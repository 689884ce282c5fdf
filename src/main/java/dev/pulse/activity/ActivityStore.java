package dev.pulse.activity;

import dev.pulse.platform.input.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where activities and coding errors live. Every listing is newest first, ordered by
 * (createdAt, id) descending, and pages by keyset: {@link Window#after} is the cursor of the last
 * row of the previous page. Implementations: {@link PostgresActivityStore} (default) and
 * {@link DatastoreActivityStore}; {@code ActivityStoreContract} holds the cases both must pass.
 */
public interface ActivityStore {

    /** The earliest time every store holds (Datastore's timestamps run from year 1). */
    Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest time every store holds (Datastore's timestamps end with year 9999). */
    Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Whether every store can hold the time, so that a filter or cursor beyond them is a 400, not a 500. */
    static boolean holds(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /** Stores the activity and returns it with its id. */
    Activity append(Activity activity);

    Page<Activity> userActivities(long userId, Window window);

    Page<Activity> cohortActivities(long cohortId, Window window);

    /** The activities that name {@code cohort} only as text: no cohort id, so in no cohort Pulse knows. */
    Page<Activity> cohortTextActivities(String cohort, Window window);

    CodingError append(CodingError error);

    Page<CodingError> codingErrors(long userId, Window window);

    /** Counts of the matching activities grouped by slug (most first) or by UTC day (oldest first). */
    List<Count> report(Report report);

    /**
     * Which rows a listing wants: any of {@code slugs} (all when empty), created in
     * [{@code since}, {@code until}), strictly after the cursor {@code after} in listing order, and,
     * when {@code visibleIn} is given, only those recorded in that academy or in none.
     */
    record Window(Set<String> slugs, Instant since, Instant until, Cursor after, int limit, Long visibleIn) {
        public static final int MAX_LIMIT = 1000;

        public Window {
            slugs = slugs == null ? Set.of() : Set.copyOf(slugs);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit out of range: " + limit);
            }
        }

        /** Every row, whatever its academy. */
        public Window(Set<String> slugs, Instant since, Instant until, Cursor after, int limit) {
            this(slugs, since, until, after, limit, null);
        }

        /** The same rows, narrowed to those recorded in the academy or in none; null keeps every academy. */
        public Window visibleIn(Long academyId) {
            return new Window(slugs, since, until, after, limit, academyId);
        }

        public boolean admits(Instant createdAt, long id, String slug) {
            return (slugs.isEmpty() || slugs.contains(slug))
                    && (since == null || !createdAt.isBefore(since))
                    && (until == null || createdAt.isBefore(until))
                    && (after == null || createdAt.isBefore(after.at())
                        || (createdAt.equals(after.at()) && id < after.id()));
        }
    }

    /** One page and the cursor of the page after it (null on the last page). */
    record Page<T>(List<T> items, Cursor next) {
        public Page {
            items = List.copyOf(items);
        }
    }

    enum Grouping { SLUG, DAY }

    /**
     * A report's filters; a null scope (user, cohort, cohort text, academy) does not filter.
     * {@code cohortText} selects the rows naming that cohort only as text (as {@link #cohortTextActivities}).
     * {@code visibleIn}, when given, keeps only rows recorded in that academy or in none.
     */
    record Report(Long userId, Long cohortId, String cohortText, Long academyId, Set<String> slugs, Instant since,
            Instant until, Grouping by, Long visibleIn) {
        public Report {
            slugs = slugs == null ? Set.of() : Set.copyOf(slugs);
            Objects.requireNonNull(by, "grouping");
            if (cohortId != null && cohortText != null) {
                throw new IllegalArgumentException("a report scopes to a cohort or to a cohort's text, not both");
            }
        }

        /** Every row the scopes select, whatever its academy. */
        public Report(Long userId, Long cohortId, Long academyId, Set<String> slugs, Instant since, Instant until,
                Grouping by) {
            this(userId, cohortId, null, academyId, slugs, since, until, by, null);
        }
    }

    /** A report line: the slug or the ISO date (yyyy-MM-dd, UTC), and how many activities. */
    record Count(String key, long count) {
    }
}
