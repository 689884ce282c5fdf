package dev.pulse.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes Live changes. Inside the caller's transaction the notification is recorded (for SSE
 * catch-up); only once that transaction commits is it handed to the transports, so a rolled-back
 * change is never announced and a slow transport never holds up the API call.
 */
@ApplicationScoped
public class Notifications {

    /** Which of Vivere's channels a notification goes to. */
    enum Channel { MENTORSHIP, ANNOUNCEMENTS, EVENTS }

    /** Longer than any commit takes, so a poll never misses a notification committed late. */
    static final Duration RECENT = Duration.ofSeconds(15);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<Notification.Published> published;

    @Inject
    LiveStream stream;

    @Inject
    PusherNotifier pusher;

    @Inject
    @ConfigProperty(name = "PULSE_LIVE_MENTOR_CHANNEL", defaultValue = "com.vivere.mentorchannel")
    String mentorChannel;

    @Inject
    @ConfigProperty(name = "PULSE_LIVE_ANNOUNCEMENT_CHANNEL", defaultValue = "com.vivere.announcement")
    String announcementChannel;

    @Inject
    @ConfigProperty(name = "PULSE_LIVE_EVENT_CHANNEL", defaultValue = "com.vivere.event")
    String eventChannel;

    @Inject
    @ConfigProperty(name = "PULSE_SSE_REPLAY", defaultValue = "PT5M")
    Duration replayWindow;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String name, Channel channel, JsonValue data) {
        Notification notification = new Notification(name, channelName(channel), data.toString(), clock.instant());
        em.persist(notification);
        em.flush();
        published.fire(notification.published());
    }

    /** After commit only; both transports return at once. */
    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notification.Published notification) {
        stream.broadcast(notification);
        pusher.send(notification);
    }

    /** What a client that last saw {@code lastId} missed within the replay window, oldest first. */
    @Transactional
    public List<Notification.Published> since(long lastId) {
        return em.createQuery("select n from Notification n where n.id > :last and n.createdAt >= :since order by n.id",
                        Notification.class)
                .setParameter("last", lastId)
                .setParameter("since", clock.instant().minus(replayWindow))
                .setMaxResults(1000)
                .getResultStream().map(Notification::published).toList();
    }

    /** Everything published in the last few seconds: what other instances may have committed meanwhile. */
    @Transactional
    public List<Notification.Published> recent() {
        return em.createQuery("select n from Notification n where n.createdAt >= :since order by n.id", Notification.class)
                .setParameter("since", clock.instant().minus(RECENT))
                .setMaxResults(1000)
                .getResultStream().map(Notification::published).toList();
    }

    /** Drops notifications older than {@code age}; they are past any replay window. */
    @Transactional
    public int forget(Duration age) {
        return em.createQuery("delete from Notification n where n.createdAt < :before")
                .setParameter("before", clock.instant().minus(age.compareTo(replayWindow) > 0 ? age : replayWindow))
                .executeUpdate();
    }

    private String channelName(Channel channel) {
        return switch (channel) {
            case MENTORSHIP -> mentorChannel;
            case ANNOUNCEMENTS -> announcementChannel;
            case EVENTS -> eventChannel;
        };
    }
}
