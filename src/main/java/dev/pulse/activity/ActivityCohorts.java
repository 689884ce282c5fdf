package dev.pulse.activity;

import dev.pulse.identity.AccountState;
import dev.pulse.identity.Cohort;
import dev.pulse.identity.Cohorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Where an activity's cohort places it, read in a short transaction of its own: recording runs
 * outside any (its row is group-committed), and a cohort's academy is a lazy association.
 */
@ApplicationScoped
@Transactional
public class ActivityCohorts {

    @Inject
    Cohorts cohorts;

    /**
     * What an activity takes from the cohort it names: a cohort of one of the user's academies gives
     * its id, slug, academy and current day (which may be unknown, null). Any other name, a cohort
     * Pulse does not know or one of an academy the user is not in, places nothing: it is kept as the
     * text the client sent, with no cohort id, academy or day.
     */
    public record Placement(Long cohortId, String cohort, Long academyId, Integer currentDay) {

        static Placement asText(String cohort) {
            return new Placement(null, cohort, null, null);
        }
    }

    /** The placement of an activity of {@code user} naming {@code cohortRef} (a slug or an id). */
    public Placement place(String cohortRef, AccountState user) {
        Optional<Cohort> cohort = cohorts.resolve(cohortRef);
        if (cohort.isEmpty() || !user.isMemberOf(cohort.get().academy().id())) {
            return Placement.asText(cohortRef);
        }
        Cohort c = cohort.get();
        return new Placement(c.id(), c.slug(), c.academy().id(), c.currentDay());
    }
}
