package dev.pulse.platform.security;

import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one academy capability check of the BreatheCode family, with its exact answers: which academy a
 * request names (403 when none, 400 when not an integer), and whether the calling user holds a
 * capability there (403 for an inactive academy or a missing capability). Platform administrators
 * hold every capability. Used by {@link CapabilityFilter} for {@link Capable} operations and by
 * services whose rule needs more than one academy.
 */
@ApplicationScoped
public class Capabilities {

    static final String MISSING_ACADEMY =
            "Missing academy_id parameter expected for the endpoint url or 'Academy' header";

    @Inject
    Caller caller;

    @Inject
    AcademyCapabilities academies;

    /** The academy id a request gave (path parameter, {@code Academy} header or query value). */
    public long academy(String given) {
        if (given == null || given.isBlank()) {
            throw new ApiError(403, null, MISSING_ACADEMY);
        }
        try {
            return Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, null, "Academy ID needs to be an integer: " + given);
        }
    }

    /** The calling user holds the capability in the academy, which is active. */
    public void require(long academyId, String capability) {
        caller.requireUser();
        if (caller.isPlatformAdmin()) {
            return;
        }
        if (academies.isInactive(academyId)) {
            throw new ApiError(403, null, "This academy is not active");
        }
        long me = caller.accountId();
        if (!academies.hasCapability(me, academyId, capability)) {
            throw new ApiError(403, null, "You (user: " + me + ") don't have this capability: " + capability
                    + " for academy " + academyId);
        }
    }

    /** The calling user holds the capability in at least one active academy the account belongs to. */
    public void requireInAnyAcademyOf(long accountId, String capability) {
        caller.requireUser();
        if (caller.isPlatformAdmin()) {
            return;
        }
        long me = caller.accountId();
        for (long academyId : academies.academiesOf(accountId)) {
            if (academies.hasCapability(me, academyId, capability)) {
                return;
            }
        }
        throw new ApiError(403, null, "You (user: " + me + ") don't have this capability: " + capability
                + " for any academy of user " + accountId);
    }
}
