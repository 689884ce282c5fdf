package dev.pulse.activity;

import dev.pulse.identity.AccountState;
import dev.pulse.identity.AccountStates;
import dev.pulse.identity.Cohort;
import dev.pulse.identity.Cohorts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Activity API's rules: who may record and read (checked before the body is looked at, so a
 * stranger learns nothing from validation messages), how the cohort, day and
 * user agent of an activity are decided, and what a listing or report may cover.
 */
@ApplicationScoped
@Transactional
public class ActivityLog {

    @Inject
    Caller caller;

    @Inject
    AccountStates accounts;

    @Inject
    Cohorts cohorts;

    @Inject
    ActivityCohorts activityCohorts;

    @Inject
    ActivityAccess access;

    @Inject
    ActivityStore store;

    @Inject
    Clock clock;

    @Inject
    Meter meter;

    /**
     * Records an activity for a user. The cohort is the body's {@code cohort}, else the one named
     * in JSON {@code data}; {@link ActivityCohorts#place} decides what it places. The body's
     * {@code day} is kept; only without one is the placing cohort's current day used.
     * <p>
     * Not a JTA transaction: the store commits the row together with other requests' rows.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Activity record(String userRef, String body, String academy, String headerUserAgent) {
        caller.requireUser();
        AccountState user = accounts.require(userRef);
        access.mayWrite(user, academy);
        NewActivity request = NewActivity.read(body);
        ActivityCohorts.Placement placement = request.cohort() == null
                ? ActivityCohorts.Placement.asText(null) : activityCohorts.place(request.cohort(), user);
        Integer day = request.day() != null ? request.day() : placement.currentDay();
        String userAgent = request.userAgent() != null ? request.userAgent()
                : storedUserAgent(headerUserAgent);
        Activity stored = store.append(new Activity(null, request.slug(), user.id(), user.email(), placement.cohortId(),
                placement.cohort(), placement.academyId(), day, request.data(), userAgent, now()));
        meter.count("pulse_activity_writes", "kind", "activity");
        return stored;
    }

    public ActivityStore.Page<Activity> ofUser(String userRef, String academy, ListingQuery query) {
        caller.requireUser();
        AccountState user = accounts.require(userRef);
        Long seenThrough = access.mayRead(user, academy);
        return store.userActivities(user.id(), query.window(ActivitySlugs::isActivitySlug).visibleIn(seenThrough));
    }

    /** A cohort's activities; a name Pulse knows no cohort by lists the activities that named it so (text only). */
    public ActivityStore.Page<Activity> ofCohort(String cohortRef, ListingQuery query) {
        caller.requireUser();
        Optional<Cohort> cohort = cohorts.resolve(cohortRef);
        if (cohort.isEmpty()) {
            access.mayReadCohortText();
            ActivityStore.Window window = query.window(ActivitySlugs::isActivitySlug);
            String text = cohortRef.trim();
            return couldNameACohort(text) ? store.cohortTextActivities(text, window) : new ActivityStore.Page<>(List.of(), null);
        }
        access.mayReadCohort(cohort.get());
        return store.cohortActivities(cohort.get().id(), query.window(ActivitySlugs::isActivitySlug));
    }

    /** Records a coding error; like {@link #record}, committed by the store together with other requests' rows. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CodingError recordCodingError(String body, String academy, String headerUserAgent) {
        caller.requireUser();
        NewCodingError request = NewCodingError.read(body);
        AccountState user = accounts.require(request.user());
        access.mayWrite(user, academy);
        String userAgent = request.userAgent() != null ? request.userAgent()
                : storedUserAgent(headerUserAgent);
        CodingError stored = store.append(new CodingError(null, request.slug(), user.id(), user.email(), request.data(),
                request.message(), request.name(), request.severity(), request.details(), userAgent, now()));
        meter.count("pulse_activity_writes", "kind", "coding_error");
        return stored;
    }

    public ActivityStore.Page<CodingError> codingErrorsOf(String userRef, String academy, ListingQuery query) {
        caller.requireUser();
        AccountState user = accounts.require(userRef);
        access.mayRead(user, academy);
        return store.codingErrors(user.id(), query.window(ActivitySlugs::isCodingErrorSlug));
    }

    /**
     * Counts by slug or day. Scoped to a user, a cohort, or both (either permission is enough,
     * since the rows are those of both); with neither, to the academy of the Academy header. A
     * cohort name Pulse knows no cohort by scopes to the activities that named it so.
     */
    public Tally report(String userRef, String cohortRef, String slug, String since,
            String until, String by, String academy) {
        caller.requireUser();
        AccountState user = userRef == null || userRef.isBlank() ? null : accounts.require(userRef);
        boolean cohortNamed = cohortRef != null && !cohortRef.isBlank();
        Cohort cohort = cohortNamed ? cohorts.resolve(cohortRef).orElse(null) : null;
        String cohortText = cohortNamed && cohort == null ? cohortRef.trim() : null;
        Long academyId = null;
        Long seenThrough = null;
        if (cohortText != null) {
            if (user == null) {
                access.mayReadCohortText();
            } else {
                seenThrough = access.mayRead(user, academy);
            }
        } else if (user == null && cohort == null) {
            academyId = access.mayReadAcademy(academy);
        } else if (user != null) {
            try {
                seenThrough = access.mayRead(user, academy);
            } catch (ApiError denied) {
                if (cohort == null) {
                    throw denied;
                }
                access.mayReadCohort(cohort);
            }
            if (seenThrough != null && cohort != null && !seenThrough.equals(cohort.academy().id())) {
                // the user's rows in a cohort of another academy are that academy's: counted only with
                // read_activity there, else the academy filter leaves none of them
                try {
                    access.mayReadCohort(cohort);
                    seenThrough = null;
                } catch (ApiError notThere) {
                    // keep the filter
                }
            }
        } else {
            access.mayReadCohort(cohort);
        }
        JsonFields problems = JsonFields.of(Map.of(), FieldMessages.BREATHECODE);
        Set<String> wanted = ActivityFilters.slugs(slug, ActivitySlugs::isActivitySlug, problems);
        Instant from = ActivityFilters.instant("since", since, problems);
        Instant to = ActivityFilters.instant("until", until, problems);
        ActivityStore.Grouping grouping = ActivityFilters.grouping(by, problems);
        problems.check();
        if (cohortText != null && !couldNameACohort(cohortText)) {
            return new Tally(grouping, List.of());
        }
        return new Tally(grouping, store.report(new ActivityStore.Report(user == null ? null : user.id(),
                cohort == null ? null : cohort.id(), cohortText, academyId, wanted, from, to, grouping, seenThrough)));
    }

    /** Whether an activity can have been recorded naming this cohort text: no longer than a reference, no NUL. */
    private static boolean couldNameACohort(String text) {
        return text.length() <= JsonFields.MAX_REFERENCE && text.indexOf('\0') < 0;
    }

    private Instant now() {
        return clock.instant();
    }

    /** The {@code User-Agent} header as stored: cut to the column's size, never a NUL. */
    static String storedUserAgent(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String clean = header.replace("\u0000", "").trim();
        return clean.length() > NewActivity.MAX_USER_AGENT ? clean.substring(0, NewActivity.MAX_USER_AGENT) : clean;
    }

    /** A report's lines and how they are grouped. */
    public record Tally(ActivityStore.Grouping by, List<ActivityStore.Count> counts) {
    }
}
