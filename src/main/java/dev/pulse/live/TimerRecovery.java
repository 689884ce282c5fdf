package dev.pulse.live;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * At start-up, makes sure every open ticket has its expiry timer. Persistent timers live in
 * Payara's data grid, which survives the restart of one instance in a cluster but not of a lone
 * instance; this closes that gap. A duplicate timer is harmless: expiry is a conditional update.
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

    @PostConstruct
    void recover() {
        int created = expiry.ensureTimers(queue.awaitingExpiry(), clock.instant());
        if (created > 0) {
            LOG.info(() -> "Recreated expiry timers for " + created + " open mentorship ticket(s)");
        }
    }
}
