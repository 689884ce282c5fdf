package dev.pulse.live;

import jakarta.annotation.Resource;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One persistent EJB timer per expiry window of a ticket, firing when the window ends. Persistent timers
 * survive a restart and, in a Payara cluster, fire on one instance. Created inside the caller's
 * transaction, so they follow its commit. A timer names its ticket and the end of its window, so no
 * timer is ever looked up among the others: one that fires for a ticket claimed or closed since, or
 * reopened into a new window (which has its own timer), finds that on the locked ticket and does nothing.
 */
@Stateless
public class TicketExpiry {

    private static final Logger LOG = Logger.getLogger(TicketExpiry.class.getName());

    @Resource
    TimerService timers;

    @Inject
    MentorshipQueue queue;

    public void schedule(long ticketId, Instant at) {
        schedule(ticketId, at, at);
    }

    private void schedule(long ticketId, Instant windowEnd, Instant fireAt) {
        timers.createSingleActionTimer(Date.from(fireAt), new TimerConfig(window(ticketId, windowEnd), true));
    }

    /** A timer's info: {@code "<ticket id>@<window end, epoch millis>"}; plain JDK types survive any class loader. */
    static String window(long ticketId, Instant windowEnd) {
        return ticketId + "@" + windowEnd.toEpochMilli();
    }

    /**
     * Gives every open ticket that has no timer one (the timer store may not have survived a restart
     * of a lone instance); an overdue ticket gets a timer a moment from now. Returns how many. Reads
     * every timer once, at start-up only.
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
            // timers made before windows were named carry the bare ticket id
            if (!timed.contains(window(ticket.getKey(), ticket.getValue())) && !timed.contains(ticket.getKey())) {
                Instant at = ticket.getValue().isAfter(now) ? ticket.getValue() : now.plusSeconds(1);
                schedule(ticket.getKey(), ticket.getValue(), at);
                created++;
            }
        }
        return created;
    }

    @Timeout
    void expire(Timer timer) {
        Object info = timer.getInfo();
        long ticketId;
        Optional<Instant> windowEnd;
        if (info instanceof Long legacy) {
            ticketId = legacy;
            windowEnd = Optional.empty();
        } else {
            String[] parts = ((String) info).split("@", 2);
            ticketId = Long.parseLong(parts[0]);
            windowEnd = Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[1])));
        }
        Optional<Instant> notYet = queue.expireIfDue(ticketId, windowEnd);
        // a timer may fire a moment early: try again then, for the same window
        notYet.ifPresent(at -> {
            LOG.fine(() -> "Ticket " + ticketId + " not due yet; expiring at " + at);
            schedule(ticketId, at, at);
        });
    }
}
