package dev.pulse.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.live.MentorTicket.Bucket;
import dev.pulse.live.MentorTicket.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mentorship ticket's lifecycle: open → claimed → closed, reopened or expired; who may do what, and when. */
class MentorTicketLifecycleTest {

    private static final long STUDENT = 1;
    private static final long MENTOR = 2;
    private static final long OTHER_MENTOR = 3;
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final Clock OPENED = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    private static Clock after(Duration elapsed) {
        return Clock.offset(OPENED, elapsed);
    }

    private static MentorTicket opened() {
        Instant now = OPENED.instant();
        return new MentorTicket("help with SQL", "table 4", "@ada", STUDENT, now, now.plus(WINDOW));
    }

    @Test
    void aNewTicketIsOpenUntilItsWindowEnds() {
        MentorTicket ticket = opened();
        assertTrue(ticket.isOpen(after(WINDOW.minusSeconds(1)).instant()));
        assertEquals(Bucket.open, ticket.bucket(OPENED.instant()));
        assertFalse(ticket.isOpen(after(WINDOW).instant()));
        assertEquals(Bucket.expired, ticket.bucket(after(WINDOW).instant()));
    }

    @Test
    void anyoneMayClaimAnOpenTicketAndItLeavesTheOpenQueue() {
        MentorTicket ticket = opened();
        assertEquals(Optional.empty(), ticket.claim(MENTOR, after(Duration.ofMinutes(5)).instant()));
        assertEquals(MENTOR, ticket.claimerId());
        assertEquals(Bucket.in_progress, ticket.bucket(after(Duration.ofMinutes(5)).instant()));
        assertTrue(ticket.involves(MENTOR));
    }

    @Test
    void claimingAClaimedTicketIsRefused() {
        MentorTicket ticket = opened();
        ticket.claim(MENTOR, OPENED.instant());
        assertEquals(Optional.of(Refusal.CLAIMED), ticket.claim(OTHER_MENTOR, OPENED.instant()));
        assertEquals(MENTOR, ticket.claimerId());
    }

    @Test
    void claimingAnOverdueTicketIsRefusedEvenBeforeItsTimerFires() {
        MentorTicket ticket = opened();
        assertEquals(Optional.of(Refusal.EXPIRED), ticket.claim(MENTOR, after(WINDOW).instant()));
        assertNull(ticket.claimerId());
    }

    @Test
    void claimingAClosedTicketIsRefused() {
        MentorTicket ticket = opened();
        ticket.close(STUDENT, OPENED.instant());
        assertEquals(Optional.of(Refusal.CLOSED), ticket.claim(MENTOR, OPENED.instant()));
    }

    @Test
    void aClaimedTicketNeverExpires() {
        MentorTicket ticket = opened();
        ticket.claim(MENTOR, OPENED.instant());
        Instant muchLater = after(WINDOW.multipliedBy(3)).instant();
        assertFalse(ticket.expireIfDue(muchLater));
        assertFalse(ticket.isExpired(muchLater));
    }

    @Test
    void theTimerExpiresAnOpenTicketOnlyOnceItIsDue() {
        MentorTicket ticket = opened();
        assertFalse(ticket.expireIfDue(after(WINDOW.minusSeconds(1)).instant()));
        assertTrue(ticket.expireIfDue(after(WINDOW).instant()));
        assertFalse(ticket.expireIfDue(after(WINDOW.plusSeconds(1)).instant()), "expired once only");
        assertTrue(ticket.isExpired(after(WINDOW).instant()));
    }

    @Test
    void onlyTheCreatorOrTheMentorMayCloseATicket() {
        MentorTicket ticket = opened();
        ticket.claim(MENTOR, OPENED.instant());
        assertEquals(Optional.of(Refusal.NOT_INVOLVED), ticket.close(OTHER_MENTOR, OPENED.instant()));
        assertFalse(ticket.isClosed());
        Instant closing = after(Duration.ofMinutes(10)).instant();
        assertEquals(Optional.empty(), ticket.close(MENTOR, closing));
        assertEquals(closing, ticket.timeComplete());
        assertEquals(Bucket.closed, ticket.bucket(closing));
    }

    @Test
    void closingAClosedTicketIsRefusedButAStrangerIsToldTheyMayNot() {
        MentorTicket ticket = opened();
        ticket.close(STUDENT, OPENED.instant());
        assertEquals(Optional.of(Refusal.CLOSED), ticket.close(STUDENT, OPENED.instant()));
        assertEquals(Optional.of(Refusal.NOT_INVOLVED), ticket.close(OTHER_MENTOR, OPENED.instant()));
    }

    @Test
    void reopeningKeepsTheQueuePlaceAndRestartsTheExpiryWindow() {
        MentorTicket ticket = opened();
        ticket.claim(MENTOR, OPENED.instant());
        Instant reopening = after(Duration.ofHours(2)).instant();
        assertEquals(Optional.empty(), ticket.reopen(MENTOR, reopening, reopening.plus(WINDOW)));
        assertTrue(ticket.isOpen(reopening));
        assertNull(ticket.claimerId());
        assertEquals(OPENED.instant(), ticket.timeCreated());
        assertEquals(reopening.plus(WINDOW), ticket.expiresAt());
        assertFalse(ticket.involves(MENTOR), "the former mentor lets go");
    }

    @Test
    void anExpiredOrClosedTicketCanBeReopenedByItsCreator() {
        MentorTicket expired = opened();
        expired.expireIfDue(after(WINDOW).instant());
        Instant later = after(WINDOW.plusMinutes(1)).instant();
        assertEquals(Optional.empty(), expired.reopen(STUDENT, later, later.plus(WINDOW)));
        assertFalse(expired.isExpired(later));

        MentorTicket closed = opened();
        closed.close(STUDENT, OPENED.instant());
        assertEquals(Optional.empty(), closed.reopen(STUDENT, later, later.plus(WINDOW)));
        assertNull(closed.timeComplete());
    }

    @Test
    void reopeningAnOpenTicketOrSomeoneElsesIsRefused() {
        MentorTicket ticket = opened();
        Instant now = after(Duration.ofMinutes(1)).instant();
        assertEquals(Optional.of(Refusal.OPEN), ticket.reopen(STUDENT, now, now.plus(WINDOW)));
        ticket.claim(MENTOR, now);
        assertEquals(Optional.of(Refusal.NOT_INVOLVED), ticket.reopen(OTHER_MENTOR, now, now.plus(WINDOW)));
        assertEquals(MENTOR, ticket.claimerId());
    }

    @Test
    void anOverdueTicketNotYetFlaggedCanBeReopened() {
        MentorTicket ticket = opened();
        Instant overdue = after(WINDOW.plusMinutes(5)).instant();
        assertEquals(Optional.empty(), ticket.reopen(STUDENT, overdue, overdue.plus(WINDOW)));
        assertTrue(ticket.isOpen(overdue));
    }

    @Test
    void eachViewerSeesTheirOwnFlags() {
        MentorTicket ticket = opened();
        ticket.claim(MENTOR, OPENED.instant());
        Instant now = OPENED.instant();
        assertTrue(TicketView.of(ticket, STUDENT, now).mine());
        assertFalse(TicketView.of(ticket, STUDENT, now).claimedByMe());
        assertTrue(TicketView.of(ticket, MENTOR, now).claimedByMe());
        TicketView broadcast = TicketView.broadcast(ticket, now);
        assertFalse(broadcast.mine() || broadcast.claimedByMe());
        assertTrue(broadcast.toJson().getBoolean("claimed"));
    }
}
