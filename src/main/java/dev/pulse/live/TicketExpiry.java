package dev.pulse.live;

import jakarta.annotation.Resource;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One persistent EJB timer per open ticket, firing when it expires. Persistent timers survive a
 * restart and, in a Payara cluster, fire on one instance. Created and cancelled inside the caller's
 * transaction, so they follow its commit. A timer that fires for a ticket claimed, closed or reopened
 * since does nothing: the expiry checks the locked ticket is still open and due.
 */
@Stateless
public class TicketExpiry {

    private static final Logger LOG = Logger.getLogger(TicketExpiry.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MentorshipQueue queue;

    public void schedule(long ticketId, Instant at) {
        cancel(ticketId);
        timers.createSingleActionTimer(Date.from(at), new TimerConfig(ticketId, true));
    }

    public void cancel(long ticketId) {
        for (Timer timer : timers.getTimers()) {
            try {
                if (Long.valueOf(ticketId).equals(timer.getInfo())) {
                    timer.cancel();
                }
            } catch (NoSuchObjectLocalException gone) {
                // fired or cancelled meanwhile
            }
        }
    }

    /**
     * Gives every open ticket that has no timer one (the timer store may not have survived a restart
     * of a lone instance); an overdue ticket gets a timer a moment from now. Returns how many.
     */
    public int ensureTimers(java.util.Map<Long, Instant> openTickets, Instant now) {
        java.util.Set<Object> timed = new java.util.HashSet<>();
        for (Timer timer : timers.getTimers()) {
            try {
                timed.add(timer.getInfo());
            } catch (NoSuchObjectLocalException gone) {
                // fired or cancelled meanwhile
            }
        }
        int created = 0;
        for (var ticket : openTickets.entrySet()) {
            if (!timed.contains(ticket.getKey())) {
                Instant at = ticket.getValue().isAfter(now) ? ticket.getValue() : now.plusSeconds(1);
                timers.createSingleActionTimer(Date.from(at), new TimerConfig(ticket.getKey(), true));
                created++;
            }
        }
        return created;
    }

    @Timeout
    void expire(Timer timer) {
        long ticketId = (Long) timer.getInfo();
        Optional<Instant> notYet = queue.expireIfDue(ticketId);
        // a timer may fire a moment early, or the window may have been restarted: try again then
        notYet.ifPresent(at -> {
            LOG.fine(() -> "Ticket " + ticketId + " not due yet; expiring at " + at);
            timers.createSingleActionTimer(Date.from(at), new TimerConfig(ticketId, true));
        });
    }
}
