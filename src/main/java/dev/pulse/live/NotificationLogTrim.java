package dev.pulse.live;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Hourly, trims the notification log, which only serves SSE catch-up and cross-instance delivery. Every
 * instance runs it: it is one {@code delete} of rows past the replay window, so a second run at the same
 * moment finds nothing left to delete.
 */
@Singleton
public class NotificationLogTrim {

    private static final Logger LOG = Logger.getLogger(NotificationLogTrim.class.getName());

    @Inject
    Notifications notifications;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void trimNotificationLog() {
        int removed = notifications.forget(Duration.ofDays(1));
        LOG.fine(() -> "Removed " + removed + " old Live notification(s)");
    }
}
