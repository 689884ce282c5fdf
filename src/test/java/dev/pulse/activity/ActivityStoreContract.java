package dev.pulse.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.input.Cursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * The cases every {@link ActivityStore} must pass, the same for each implementation. Each case
 * writes under fresh random user and cohort ids, so it can run against a shared database.
 */
final class ActivityStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final Supplier<ActivityStore> stores;

    ActivityStoreContract(Supplier<ActivityStore> stores) {
        this.stores = stores;
    }

    /** The cases as dynamic tests named "<store>: <case>". */
    Stream<DynamicTest> cases(String storeName) {
        return Stream.of(
                test(storeName, "an appended activity comes back with an id and every field", this::roundTrip),
                test(storeName, "pages walk every row newest first with no duplicate or gap, ties included", this::keysetPaging),
                test(storeName, "a slug list filters to those slugs, still newest first and paged", this::slugFilter),
                test(storeName, "since is inclusive and until exclusive", this::timeWindow),
                test(storeName, "cohort listings hold only that cohort's activities", this::cohortListing),
                test(storeName, "coding errors are listed per user, filtered and paged", this::codingErrors),
                test(storeName, "reports count by slug and by UTC day within their scope", this::reports),
                test(storeName, "seen through an academy, a user's rows are those recorded there or in no academy",
                        this::visibleInAnAcademy),
                test(storeName, "a cohort named only as text lists and counts the rows that name it so, paged",
                        this::cohortText),
                test(storeName, "activities and coding errors of an account without an email keep a null email",
                        this::withoutEmail));
    }

    private static DynamicTest test(String store, String name, Executable body) {
        return DynamicTest.dynamicTest(store + ": " + name, body);
    }

    private static long freshId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }

    /**
     * The academy of the contract's cohort activities: far beyond any academy the other tests create
     * in the same database, whose academy-wide reports would otherwise count these rows.
     */
    private static final long ACADEMY = freshId();

    private static Activity activity(long user, String slug, Long cohort, Instant at) {
        return new Activity(null, slug, user, "u" + user + "@contract.test", cohort, cohort == null ? null : "c-" + cohort,
                cohort == null ? null : ACADEMY, cohort == null ? null : 3, "{\"n\":1}", "bc/test", at);
    }

    void roundTrip() {
        ActivityStore store = stores.get();
        long user = freshId();
        long cohort = freshId();
        Activity stored = store.append(new Activity(null, "lesson_opened", user, "ada@contract.test", cohort,
                "mdc-iii", ACADEMY, 5, "{\"cohort\":\"mdc-iii\",\"lesson\":\"intro\"}", "bc/student",
                T0.plusNanos(123_456_789)));
        assertNotNull(stored.id());
        List<Activity> listed = store.userActivities(user, window(Set.of(), null, null, null, 10)).items();
        assertEquals(1, listed.size());
        Activity back = listed.get(0);
        assertEquals(stored.id(), back.id());
        assertEquals("lesson_opened", back.slug());
        assertEquals(user, back.userId());
        assertEquals("ada@contract.test", back.email());
        assertEquals(cohort, back.cohortId());
        assertEquals("mdc-iii", back.cohort());
        assertEquals(ACADEMY, back.academyId());
        assertEquals(5, back.day());
        assertTrue(back.data().contains("\"lesson\"") && back.data().contains("intro"), back.data());
        assertEquals("bc/student", back.userAgent());
        assertEquals(T0.plusNanos(123_456_000), back.createdAt(), "microsecond precision kept");

        Activity plain = store.append(new Activity(null, "breathecode_login", user, "ada@contract.test", null, null,
                null, null, "\"just text\"", null, T0.plusSeconds(1)));
        Activity plainBack = store.userActivities(user, window(Set.of("breathecode_login"), null, null, null, 10))
                .items().get(0);
        assertEquals(plain.id(), plainBack.id());
        assertEquals("\"just text\"", plainBack.data());
        assertNull(plainBack.cohortId());
        assertNull(plainBack.day());
        assertNull(plainBack.userAgent());
    }

    void keysetPaging() {
        ActivityStore store = stores.get();
        long user = freshId();
        List<Long> expected = new ArrayList<>();
        // 23 rows, in runs of three sharing one timestamp, so the cursor must break ties by id
        for (int i = 0; i < 23; i++) {
            expected.add(store.append(activity(user, "lesson_opened", null, T0.plusSeconds(i / 3))).id());
        }
        store.append(activity(freshId(), "lesson_opened", null, T0)); // someone else's row
        List<Long> newestFirst = new ArrayList<>();
        for (int i = expected.size() - 1; i >= 0; i--) {
            newestFirst.add(expected.get(i));
        }
        assertEquals(newestFirst, walk(cursor -> store.userActivities(user,
                window(Set.of(), null, null, cursor, 5)), 5));
        assertEquals(newestFirst, walk(cursor -> store.userActivities(user,
                window(Set.of(), null, null, cursor, 23)), 23));
        assertEquals(newestFirst, walk(cursor -> store.userActivities(user,
                window(Set.of(), null, null, cursor, 1000)), 1000));
    }

    void slugFilter() {
        ActivityStore store = stores.get();
        long user = freshId();
        List<Long> wanted = new ArrayList<>();
        String[] slugs = {"lesson_opened", "exercise_success", "breathecode_login"};
        for (int i = 0; i < 15; i++) {
            Activity a = store.append(activity(user, slugs[i % 3], null, T0.plusMillis(i * 10L)));
            if (i % 3 != 2) {
                wanted.add(0, a.id());
            }
        }
        assertEquals(wanted, walk(cursor -> store.userActivities(user,
                window(Set.of("lesson_opened", "exercise_success"), null, null, cursor, 4)), 4));
        List<Activity> logins = store.userActivities(user,
                window(Set.of("breathecode_login"), null, null, null, 50)).items();
        assertEquals(5, logins.size());
        assertTrue(logins.stream().allMatch(a -> a.slug().equals("breathecode_login")));
        assertTrue(store.userActivities(user, window(Set.of("office_attendance"), null, null, null, 50))
                .items().isEmpty());
    }

    void timeWindow() {
        ActivityStore store = stores.get();
        long user = freshId();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(store.append(activity(user, "lesson_opened", null, T0.plus(i, ChronoUnit.HOURS))).id());
        }
        List<Long> got = walk(cursor -> store.userActivities(user,
                window(Set.of(), T0.plus(1, ChronoUnit.HOURS), T0.plus(4, ChronoUnit.HOURS), cursor, 2)), 2);
        assertEquals(List.of(ids.get(3), ids.get(2), ids.get(1)), got);
    }

    void cohortListing() {
        ActivityStore store = stores.get();
        long cohort = freshId();
        long other = freshId();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(0, store.append(activity(freshId(), i % 2 == 0 ? "classroom_attendance" : "lesson_opened",
                    cohort, T0.plusSeconds(i))).id());
            store.append(activity(freshId(), "classroom_attendance", other, T0.plusSeconds(i)));
        }
        store.append(activity(freshId(), "classroom_attendance", null, T0));
        assertEquals(expected, walk(cursor -> store.cohortActivities(cohort,
                window(Set.of(), null, null, cursor, 3)), 3));
        assertEquals(4, store.cohortActivities(cohort, window(Set.of("classroom_attendance"), null, null, null, 50))
                .items().size());
    }

    void codingErrors() {
        ActivityStore store = stores.get();
        long user = freshId();
        List<Long> webpack = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CodingError e = store.append(new CodingError(null, i % 2 == 0 ? "webpack_error" : "syntax_error", user,
                    "e@contract.test", "\"extra\"", "file not found", "module-not-found", 900, "stack", "bc/cli",
                    T0.plusSeconds(i)));
            assertNotNull(e.id());
            if (i % 2 == 0) {
                webpack.add(0, e.id());
            }
        }
        store.append(new CodingError(null, "webpack_error", freshId(), "x@contract.test", null, "m", "n", null, null,
                null, T0));
        List<CodingError> all = store.codingErrors(user, window(Set.of(), null, null, null, 50)).items();
        assertEquals(5, all.size());
        CodingError newest = all.get(0);
        assertEquals("webpack_error", newest.slug());
        assertEquals("file not found", newest.message());
        assertEquals("module-not-found", newest.name());
        assertEquals(900, newest.severity());
        assertEquals("stack", newest.details());
        assertEquals("\"extra\"", newest.data());
        assertEquals(webpack, walk(cursor -> store.codingErrors(user,
                window(Set.of("webpack_error"), null, null, cursor, 2)), 2));
    }

    void reports() {
        ActivityStore store = stores.get();
        long user = freshId();
        long cohort = freshId();
        Instant day1 = Instant.parse("2026-04-01T23:30:00Z");
        Instant day2 = Instant.parse("2026-04-02T00:30:00Z");
        store.append(activity(user, "lesson_opened", cohort, day1));
        store.append(activity(user, "lesson_opened", cohort, day2));
        store.append(activity(user, "lesson_opened", null, day2));
        store.append(activity(user, "exercise_success", cohort, day2));
        store.append(activity(freshId(), "lesson_opened", cohort, day1));

        assertEquals(List.of(new ActivityStore.Count("lesson_opened", 3), new ActivityStore.Count("exercise_success", 1)),
                store.report(new ActivityStore.Report(user, null, null, Set.of(), null, null, ActivityStore.Grouping.SLUG)));
        assertEquals(List.of(new ActivityStore.Count("2026-04-01", 2), new ActivityStore.Count("2026-04-02", 2)),
                store.report(new ActivityStore.Report(null, cohort, null, Set.of(), null, null, ActivityStore.Grouping.DAY)));
        assertEquals(List.of(new ActivityStore.Count("2026-04-02", 2)),
                store.report(new ActivityStore.Report(user, null, null, Set.of("lesson_opened"),
                        Instant.parse("2026-04-02T00:00:00Z"), null, ActivityStore.Grouping.DAY)));
        assertEquals(List.of(new ActivityStore.Count("lesson_opened", 1), new ActivityStore.Count("exercise_success", 1)),
                store.report(new ActivityStore.Report(user, cohort, null, Set.of(), day2, day2.plusSeconds(1),
                        ActivityStore.Grouping.SLUG)).stream().sorted((a, b) -> b.key().compareTo(a.key())).toList());
    }

    void visibleInAnAcademy() {
        ActivityStore store = stores.get();
        long user = freshId();
        long otherAcademy = freshId();
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String slug = i % 2 == 0 ? "lesson_opened" : "exercise_success";
            Activity row = switch (i % 3) {
                case 0 -> activity(user, slug, freshId(), T0.plusSeconds(i));
                case 1 -> activity(user, slug, null, T0.plusSeconds(i));
                default -> new Activity(null, slug, user, "u@contract.test", freshId(), "elsewhere", otherAcademy, null,
                        null, null, T0.plusSeconds(i));
            };
            long id = store.append(row).id();
            if (i % 3 != 2) {
                mine.add(0, id);
            }
        }
        assertEquals(mine, walk(cursor -> store.userActivities(user,
                window(Set.of(), null, null, cursor, 3).visibleIn(ACADEMY)), 3));
        assertEquals(mine, walk(cursor -> store.userActivities(user,
                window(Set.of("lesson_opened", "exercise_success"), null, null, cursor, 2).visibleIn(ACADEMY)), 2));
        assertEquals(6, store.userActivities(user, window(Set.of(), null, null, null, 10)).items().size());
        assertEquals(List.of(new ActivityStore.Count("exercise_success", 2), new ActivityStore.Count("lesson_opened", 2)),
                store.report(new ActivityStore.Report(user, null, null, null, Set.of(), null, null,
                        ActivityStore.Grouping.SLUG, ACADEMY)));
        assertEquals(List.of(new ActivityStore.Count("lesson_opened", 2)),
                store.report(new ActivityStore.Report(user, null, null, null, Set.of("lesson_opened"), null, null,
                        ActivityStore.Grouping.SLUG, otherAcademy)));
    }

    void cohortText() {
        ActivityStore store = stores.get();
        String cohort = "mdc-" + freshId();
        long placedCohort = freshId();
        List<Long> named = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String slug = i % 2 == 0 ? "lesson_opened" : "dance_party";
            named.add(0, store.append(new Activity(null, slug, freshId(), null, null, cohort, null, i, null, null,
                    T0.plusSeconds(i / 2))).id());
        }
        // a row placed in a known cohort that had that name, and a row of another text, are not the text's
        store.append(new Activity(null, "lesson_opened", freshId(), null, placedCohort, cohort, ACADEMY, null, null, null, T0));
        store.append(new Activity(null, "lesson_opened", freshId(), null, null, cohort + "-x", null, null, null, null, T0));

        assertEquals(named, walk(cursor -> store.cohortTextActivities(cohort, window(Set.of(), null, null, cursor, 2)), 2));
        assertEquals(List.of(named.get(1), named.get(3)), store.cohortTextActivities(cohort,
                window(Set.of("dance_party"), null, null, null, 10)).items().stream().map(Activity::id).toList());
        assertEquals(List.of(), store.cohortTextActivities(cohort, window(Set.of("unknown_one"), null, null, null, 10)).items());
        assertEquals(List.of(new ActivityStore.Count("lesson_opened", 3), new ActivityStore.Count("dance_party", 2)),
                store.report(new ActivityStore.Report(null, null, cohort, null, Set.of(), null, null,
                        ActivityStore.Grouping.SLUG, null)));
    }

    void withoutEmail() {
        ActivityStore store = stores.get();
        long user = freshId();
        store.append(new Activity(null, "lesson_opened", user, null, null, null, null, null, null, null, T0));
        store.append(new CodingError(null, "webpack_error", user, null, null, "m", "n", null, null, null, T0));
        Activity activity = store.userActivities(user, window(Set.of(), null, null, null, 10)).items().get(0);
        assertNull(activity.email());
        assertEquals(user, activity.userId());
        CodingError error = store.codingErrors(user, window(Set.of(), null, null, null, 10)).items().get(0);
        assertNull(error.email());
        assertEquals("webpack_error", error.slug());
    }

    private static ActivityStore.Window window(Set<String> slugs, Instant since, Instant until, Cursor after, int limit) {
        return new ActivityStore.Window(slugs, since, until, after, limit);
    }

    /** Follows the cursors to the end, checking each page's size, and returns every id in order. */
    private static <T> List<Long> walk(java.util.function.Function<Cursor, ActivityStore.Page<T>> fetch, int limit) {
        List<Long> ids = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Cursor cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            ActivityStore.Page<T> page = fetch.apply(cursor);
            assertTrue(page.items().size() <= limit);
            for (T item : page.items()) {
                long id = item instanceof Activity a ? a.id() : ((CodingError) item).id();
                assertTrue(seen.add(id), "duplicate row " + id);
                ids.add(id);
            }
            if (page.next() == null) {
                return ids;
            }
            assertEquals(limit, page.items().size(), "only the last page may be short");
            cursor = page.next();
        }
        throw new AssertionError("paging did not end");
    }
}
