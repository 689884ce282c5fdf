package dev.pulse.activity;

import dev.pulse.identity.AccountState;
import dev.pulse.identity.AccountStates;
import dev.pulse.identity.Cohort;
import dev.pulse.identity.Cohorts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Activity API's rules: who may record and read (checked before the body is looked at, so a
 * stranger learns nothing from validation messages), which slugs count, how the cohort, day and
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
    ActivitySlugs slugs;

    @Inject
    ActivityStore store;

    @Inject
    Clock clock;

    /**
     * Records an activity for a user. The cohort is the body's {@code cohort}, else the one named
     * in JSON {@code data}; when given it must exist. A cohort of one of the user's academies brings
     * its academy and, when it knows it, its current day (else the body's {@code day} is kept); any
     * other cohort is kept as the name given, with no cohort id and no academy.
     * <p>
     * Not a JTA transaction: the store commits the row together with other requests' rows.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Activity record(String userRef, String body, String academy, String headerUserAgent) {
        caller.requireUser();
        AccountState user = accounts.require(userRef);
        access.mayWrite(user, academy);
        requireEmail(user);
        NewActivity request = NewActivity.read(body, slugs.allowed());
        Long cohortId = null;
        String cohortSlug = null;
        Long academyId = null;
        Integer day = request.day();
        if (request.cohort() != null) {
            ActivityCohorts.Placement cohort = activityCohorts.require(request.cohort());
            if (user.isMemberOf(cohort.academyId())) {
                cohortId = cohort.cohortId();
                cohortSlug = cohort.slug();
                academyId = cohort.academyId();
                if (cohort.currentDay() != null) {
                    day = cohort.currentDay();
                }
            } else {
                // a cohort of an academy the user is not in places nothing: its name is kept as text only
                cohortSlug = request.cohort();
            }
        }
        String userAgent = request.userAgent() != null ? request.userAgent()
                : storedUserAgent(headerUserAgent);
        return store.append(new Activity(null, request.slug(), user.id(), user.email(), cohortId, cohortSlug,
                academyId, day, request.data(), userAgent, now()));
    }

    public ActivityStore.Page<Activity> ofUser(String userRef, String academy, ListingQuery query) {
        caller.requireUser();
        AccountState user = accounts.require(userRef);
        Long seenThrough = access.mayRead(user, academy);
        return store.userActivities(user.id(), query.window(slugs.allowed()).visibleIn(seenThrough));
    }

    public ActivityStore.Page<Activity> ofCohort(String cohortRef, ListingQuery query) {
        caller.requireUser();
        Cohort cohort = cohorts.require(cohortRef);
        access.mayReadCohort(cohort);
        return store.cohortActivities(cohort.id(), query.window(slugs.allowed()));
    }

    /** Records a coding error; like {@link #record}, committed by the store together with other requests' rows. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public CodingError recordCodingError(String body, String academy, String headerUserAgent) {
        caller.requireUser();
        NewCodingError request = NewCodingError.read(body);
        AccountState user = accounts.require(request.user());
        access.mayWrite(user, academy);
        requireEmail(user);
        String userAgent = request.userAgent() != null ? request.userAgent()
                : storedUserAgent(headerUserAgent);
        return store.append(new CodingError(null, request.slug(), user.id(), user.email(), request.data(),
                request.message(), request.name(), request.severity(), request.details(), userAgent, now()));
    }

    /** Activities and coding errors carry their user's email; a Live account (a username only) has none. */
    private static void requireEmail(AccountState user) {
        if (user.email() == null) {
            throw ApiError.badRequest("user-without-email",
                    "User " + user.id() + " has no email, and activities are recorded for users with one");
        }
    }

    public ActivityStore.Page<CodingError> codingErrorsOf(String userRef, String academy, ListingQuery query) {
        caller.requireUser();
        AccountState user = accounts.require(userRef);
        access.mayRead(user, academy);
        return store.codingErrors(user.id(), query.window(null));
    }

    /**
     * Counts by slug or day. Scoped to a user, a cohort, or both (either permission is enough,
     * since the rows are those of both); with neither, to the academy of the Academy header.
     */
    public Tally report(String userRef, String cohortRef, String slug, String since,
            String until, String by, String academy) {
        caller.requireUser();
        AccountState user = userRef == null || userRef.isBlank() ? null : accounts.require(userRef);
        Cohort cohort = cohortRef == null || cohortRef.isBlank() ? null : cohorts.require(cohortRef);
        Long academyId = null;
        Long seenThrough = null;
        if (user == null && cohort == null) {
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
        Set<String> wanted = ActivityFilters.slugs(slug, slugs.allowed(), problems);
        Instant from = ActivityFilters.instant("since", since, problems);
        Instant to = ActivityFilters.instant("until", until, problems);
        ActivityStore.Grouping grouping = ActivityFilters.grouping(by, problems);
        problems.check();
        return new Tally(grouping, store.report(new ActivityStore.Report(user == null ? null : user.id(),
                cohort == null ? null : cohort.id(), academyId, wanted, from, to, grouping, seenThrough)));
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
