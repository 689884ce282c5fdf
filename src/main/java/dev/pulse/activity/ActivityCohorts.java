package dev.pulse.activity;

import dev.pulse.identity.Cohort;
import dev.pulse.identity.Cohorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The cohort an activity names, read in a short transaction of its own: recording runs outside
 * any (its row is group-committed), and a cohort's academy is a lazy association.
 */
@ApplicationScoped
@Transactional
public class ActivityCohorts {

    @Inject
    Cohorts cohorts;

    /** What an activity takes from its cohort; the current day may be unknown (null). */
    public record Placement(long cohortId, String slug, long academyId, Integer currentDay) {
    }

    /** The cohort by slug or id; 404 cohort-not-found when there is none. */
    public Placement require(String cohortRef) {
        Cohort cohort = cohorts.require(cohortRef);
        return new Placement(cohort.id(), cohort.slug(), cohort.academy().id(), cohort.currentDay());
    }
}
