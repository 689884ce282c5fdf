package dev.pulse.live;

import dev.pulse.platform.api.ApiError;
import java.util.Optional;

/**
 * How much of the queue one account may hold: so that one account cannot drain the queue by claiming
 * every ticket, nor flood it with its own. Counts come from the database under a per-account lock
 * ({@link MentorshipQueue}); this only says whether one more is allowed, and, when the organisers chose
 * mentors-only mode, who may claim at all.
 */
record MentorshipLimits(int maxClaims, int maxOpenTickets, boolean mentorsOnly) {

    MentorshipLimits {
        if (maxClaims < 1 || maxOpenTickets < 1) {
            throw new IllegalArgumentException("mentorship limits are at least 1: " + maxClaims + ", " + maxOpenTickets);
        }
    }

    /**
     * In mentors-only mode, a refusal for anyone the organisers have not marked as a mentor: a 403, as for
     * a ticket that is not one's own, because it is about who claims, not the queue's state.
     */
    Optional<ApiError> refuseClaimer(boolean isMentor) {
        return !mentorsOnly || isMentor ? Optional.empty()
                : Optional.of(ApiError.forbidden("not-a-mentor", "Only mentors may claim tickets"));
    }

    /** A refusal when the account already holds as many claimed, unclosed tickets as allowed. */
    Optional<ApiError> refuseClaim(long claimsHeld) {
        return claimsHeld < maxClaims ? Optional.empty()
                : Optional.of(ApiError.conflict("claim-limit",
                        "You already hold " + claimsHeld + " claimed tickets; close one before claiming another (at most "
                                + maxClaims + ")"));
    }

    /** A refusal when the account already has as many open (waiting or being helped) tickets as allowed. */
    Optional<ApiError> refuseOpen(long openTickets) {
        return openTickets < maxOpenTickets ? Optional.empty()
                : Optional.of(ApiError.conflict("open-ticket-limit",
                        "The ticket's creator already has " + openTickets
                                + " open tickets; close one before opening another (at most " + maxOpenTickets + ")"));
    }
}
