package dev.pulse.activity;

import dev.pulse.identity.AccountState;
import dev.pulse.identity.Cohort;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.security.Caller;
import dev.pulse.platform.security.Capabilities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may record and read whose activity. A user always may for themself; platform
 * administrators always may; anyone else needs {@code classroom_activity} (write) or
 * {@code read_activity} (read) in an academy the user belongs to, decided by the platform's
 * {@link Capabilities}. {@code crud_activity}, which students hold, is self-service only: it
 * never lets one user write for another. Reading through an academy shows only the rows
 * recorded in that academy or in none. Cohort reads need {@code read_activity} in the cohort's academy.
 * Activities that name a cohort only as text (one Pulse does not know, or of an academy the user is
 * not in) belong to no academy: listed by that text, platform administrators read them; anyone else
 * reads them through the user's own listing, under the rule above.
 */
@ApplicationScoped
public class ActivityAccess {

    static final String WRITE_FOR_OTHERS = "classroom_activity";
    static final String READ = "read_activity";

    @Inject
    Caller caller;

    @Inject
    Capabilities capabilities;

    /**
     * Recording for a user. Without an {@code Academy} header any academy of the user where the
     * caller holds classroom_activity will do: an attendance device should not need to know which.
     */
    public void mayWrite(AccountState target, String academy) {
        if (isSelfOrAdmin(target)) {
            return;
        }
        if (academy != null && !academy.isBlank()) {
            requireIn(target, capabilities.academy(academy), WRITE_FOR_OTHERS);
            return;
        }
        capabilities.requireInAnyAcademyOf(target.id(), WRITE_FOR_OTHERS);
    }

    /**
     * Reading a user's activities or coding errors: themself, or read_activity in the academy of the
     * Academy header. Answers the academy the rows are seen through (only its rows and those of no
     * academy), or null when every row may be seen (the user themself, a platform administrator).
     */
    public Long mayRead(AccountState target, String academy) {
        if (isSelfOrAdmin(target)) {
            return null;
        }
        long academyId = capabilities.academy(academy);
        requireIn(target, academyId, READ);
        return academyId;
    }

    /** Reading a cohort's activities: read_activity in the cohort's own academy. */
    public void mayReadCohort(Cohort cohort) {
        capabilities.require(cohort.academy().id(), READ);
    }

    /** Reading the activities that name a cohort by a text no Pulse cohort has: platform administrators only. */
    public void mayReadCohortText() {
        caller.requireUser();
        if (!caller.isPlatformAdmin()) {
            throw ApiError.forbidden("cohort-not-in-pulse", "Activities of a cohort Pulse does not know are read by "
                    + "platform administrators, or through each user's own activities");
        }
    }

    /** An academy-wide report: read_activity in the academy of the Academy header; null for an administrator without one. */
    public Long mayReadAcademy(String academy) {
        caller.requireUser();
        if (caller.isPlatformAdmin() && (academy == null || academy.isBlank())) {
            return null;
        }
        long id = capabilities.academy(academy);
        capabilities.require(id, READ);
        return id;
    }

    private boolean isSelfOrAdmin(AccountState target) {
        caller.requireUser();
        return caller.isPlatformAdmin() || caller.accountId() == target.id();
    }

    /** The capability in the academy, and the user must belong to it. */
    private void requireIn(AccountState target, long academyId, String capability) {
        capabilities.require(academyId, capability);
        target.requireMemberOf(academyId);
    }
}
