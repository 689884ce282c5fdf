package dev.pulse.activity;

import dev.pulse.identity.AcademyMember;
import dev.pulse.identity.AcademyRoster;
import dev.pulse.identity.Account;
import dev.pulse.identity.Cohort;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may record and read whose activity. A user always may for themself; platform
 * administrators always may; anyone else needs {@code crud_activity} (write) or
 * {@code read_activity} (read) in an academy the user belongs to, answered with BreatheCode's
 * capability messages. Cohort reads need {@code read_activity} in the cohort's academy.
 */
@ApplicationScoped
public class ActivityAccess {

    static final String WRITE = "crud_activity";
    static final String READ = "read_activity";
    static final String MISSING_ACADEMY =
            "Missing academy_id parameter expected for the endpoint url or 'Academy' header";

    @Inject
    Caller caller;

    @Inject
    AcademyRoster roster;

    /**
     * Recording for a user. Without an {@code Academy} header any academy of the user where the
     * caller holds crud_activity will do: an attendance device should not need to know which.
     */
    public void mayWrite(Account target, String academy) {
        if (isSelfOrAdmin(target)) {
            return;
        }
        if (academy != null && !academy.isBlank()) {
            requireIn(target, parseAcademy(academy), WRITE);
            return;
        }
        long me = caller.accountId();
        for (AcademyMember membership : roster.membershipsOf(target.id())) {
            if (roster.hasCapability(me, membership.academy().id(), WRITE)) {
                return;
            }
        }
        throw new ApiError(403, null, "You (user: " + me + ") don't have this capability: " + WRITE
                + " for any academy of user " + target.id());
    }

    /** Reading a user's activities or coding errors: themself, or read_activity in the academy of the Academy header. */
    public void mayRead(Account target, String academy) {
        if (isSelfOrAdmin(target)) {
            return;
        }
        if (academy == null || academy.isBlank()) {
            throw new ApiError(403, null, MISSING_ACADEMY);
        }
        requireIn(target, parseAcademy(academy), READ);
    }

    /** Reading a cohort's activities: read_activity in the cohort's own academy. */
    public void mayReadCohort(Cohort cohort) {
        caller.requireUser();
        if (caller.isPlatformAdmin()) {
            return;
        }
        requireCapability(cohort.academy().id(), READ);
    }

    /** An academy-wide report: read_activity in the academy of the Academy header; null for an administrator without one. */
    public Long mayReadAcademy(String academy) {
        caller.requireUser();
        if (caller.isPlatformAdmin() && (academy == null || academy.isBlank())) {
            return null;
        }
        if (academy == null || academy.isBlank()) {
            throw new ApiError(403, null, MISSING_ACADEMY);
        }
        long id = parseAcademy(academy);
        if (!caller.isPlatformAdmin()) {
            requireCapability(id, READ);
        }
        return id;
    }

    private boolean isSelfOrAdmin(Account target) {
        caller.requireUser();
        return caller.isPlatformAdmin() || caller.accountId() == target.id();
    }

    private void requireIn(Account target, long academyId, String capability) {
        requireCapability(academyId, capability);
        if (!roster.isMember(target.id(), academyId)) {
            throw new ApiError(403, null, "User " + target.id() + " does not belong to academy " + academyId);
        }
    }

    private void requireCapability(long academyId, String capability) {
        if (roster.isInactive(academyId)) {
            throw new ApiError(403, null, "This academy is not active");
        }
        long me = caller.accountId();
        if (!roster.hasCapability(me, academyId, capability)) {
            throw new ApiError(403, null, "You (user: " + me + ") don't have this capability: " + capability
                    + " for academy " + academyId);
        }
    }

    private static long parseAcademy(String academy) {
        try {
            return Long.parseLong(academy.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, null, "Academy ID needs to be an integer: " + academy);
        }
    }
}
