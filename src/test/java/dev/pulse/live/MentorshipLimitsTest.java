package dev.pulse.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How many claims and open tickets one account may hold, and which tickets count as open. */
class MentorshipLimitsTest {

    private static final MentorshipLimits LIMITS = new MentorshipLimits(2, 5, false);
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final Clock OPENED = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    private static MentorTicket opened() {
        Instant now = OPENED.instant();
        return new MentorTicket("help", "table 4", "@ada", 1, now, now.plus(WINDOW));
    }

    @Test
    void aThirdClaimIsAConflictWhileTwoAreHeld() {
        assertTrue(LIMITS.refuseClaim(0).isEmpty());
        assertTrue(LIMITS.refuseClaim(1).isEmpty());
        assertEquals(409, LIMITS.refuseClaim(2).orElseThrow().status());
    }

    @Test
    void aSixthOpenTicketIsAConflict() {
        assertTrue(LIMITS.refuseOpen(4).isEmpty());
        assertEquals(409, LIMITS.refuseOpen(5).orElseThrow().status());
    }

    @Test
    void anyoneMayClaimUnlessOnlyMentorsMay() {
        assertTrue(LIMITS.refuseClaimer(false).isEmpty());
        MentorshipLimits mentorsOnly = new MentorshipLimits(2, 5, true);
        assertTrue(mentorsOnly.refuseClaimer(true).isEmpty());
        assertEquals(403, mentorsOnly.refuseClaimer(false).orElseThrow().status());
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MentorshipLimits(0, 5, false));
        assertThrows(IllegalArgumentException.class, () -> new MentorshipLimits(2, 0, false));
    }

    @Test
    void waitingAndClaimedTicketsCountAsOpenUntilClosedOrExpired() {
        MentorTicket waiting = opened();
        assertTrue(waiting.isActive(OPENED.instant()));
        assertFalse(waiting.isActive(OPENED.instant().plus(WINDOW)), "an overdue ticket no longer counts");

        MentorTicket claimed = opened();
        claimed.claim(2, OPENED.instant());
        assertTrue(claimed.isActive(OPENED.instant().plus(WINDOW.multipliedBy(2))), "a claimed ticket does not expire");
        claimed.close(2, OPENED.instant().plus(WINDOW));
        assertFalse(claimed.isActive(OPENED.instant().plus(WINDOW)));
    }

    @Test
    void aReopenedTicketIsNotDueAtTheEndOfItsFirstWindow() {
        MentorTicket ticket = opened();
        Instant firstEnd = OPENED.instant().plus(WINDOW);
        Instant claimedAt = OPENED.instant().plus(Duration.ofMinutes(10));
        ticket.claim(2, claimedAt);
        ticket.reopen(2, claimedAt, claimedAt.plus(WINDOW));
        assertFalse(ticket.expireIfDue(firstEnd), "the first window no longer counts");
        assertTrue(ticket.expireIfDue(claimedAt.plus(WINDOW)), "the new window does");
    }
}
