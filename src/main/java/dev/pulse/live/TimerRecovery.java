package dev.pulse.live;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Housekeeping timers of Live. At start-up, makes sure every open ticket has its expiry timer. Persistent timers live in
 * Payara's data grid, which survives the restart of one instance in a cluster but not of a lone
 * instance; this closes that gap. A duplicate timer is harmless: expiry checks, on the locked row, that the ticket is still due.
 * Hourly, trims the notification log, which only serves SSE catch-up and cross-instance delivery.
 */
@Singleton
@Startup
public class TimerRecovery {

    private static final Logger LOG = Logger.getLogger(TimerRecovery.class.getName());

    @Inject
    MentorshipQueue queue;

    @Inject
    TicketExpiry expiry;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    // not persistent: every instance may run it, deleting old rows twice is harmless
    @jakarta.ejb.Schedule(hour = "*", minute = "17", persistent = false)
    void trimNotificationLog() {
        int removed = notifications.forget(java.time.Duration.ofDays(1));
        LOG.fine(() -> "Removed " + removed + " old Live notification(s)");
    }

    @PostConstruct
    void recover() {
        int created = expiry.ensureTimers(queue.awaitingExpiry(), clock.instant());
        if (created > 0) {
            LOG.info(() -> "Recreated expiry timers for " + created + " open mentorship ticket(s)");
        }
    }
}
