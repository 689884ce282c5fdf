package dev.pulse.live;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Expires mentorship tickets whose window has ended: every second, on every instance, one sweep of the
 * database ({@link MentorshipQueue#expireDue}). Nothing is kept per ticket outside its row, so a ticket
 * expires whichever instance created it, even one that is gone, and the row lock makes it expire once
 * however many instances sweep (docs/decisions/0027). The timer is not persistent: each instance has its
 * own, and none needs to survive a restart.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TicketExpiry {

    private static final Logger LOG = Logger.getLogger(TicketExpiry.class.getName());
    /** Tickets expired per transaction; a longer backlog takes several in a row. */
    static final int PER_SWEEP = 100;

    @Inject
    MentorshipQueue queue;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile boolean failing;

    // the queue's own transactions, one per batch: none around the whole sweep
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return; // the previous sweep is still running (a slow database): this second is skipped, not queued
        }
        try {
            while (queue.expireDue(PER_SWEEP) == PER_SWEEP) {
                LOG.fine("More overdue mentorship tickets than one batch; expiring the next");
            }
            if (failing) {
                failing = false;
                LOG.info("Mentorship tickets expire again");
            }
        } catch (RuntimeException e) {
            // the database is away: said once per outage, not every second; the next sweep catches up
            if (!failing) {
                failing = true;
                LOG.warning("Mentorship tickets cannot be expired now (" + e + "); retrying every second");
            }
        } finally {
            sweeping.set(false);
        }
    }
}
