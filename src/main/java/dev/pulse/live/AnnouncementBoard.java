package dev.pulse.live;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.NumericId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Announcements: listed newest first once their time has come; made by organisers or texted in. */
@ApplicationScoped
@Transactional
public class AnnouncementBoard {

    private static final JsonProvider JSON = JsonBodies.provider();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /** Those made after {@code since} and not in the future, newest first. */
    public List<Announcement> since(Instant since) {
        return em.createQuery("""
                        select a from Announcement a where a.time > :since and a.time <= :now
                        order by a.time desc, a.id desc""", Announcement.class)
                .setParameter("since", since)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    public Announcement make(String message, Instant time, Announcement.Source source) {
        Announcement announcement = new Announcement(message, time == null ? clock.instant() : time, source);
        em.persist(announcement);
        em.flush();
        notifications.publish("save", Notifications.Channel.ANNOUNCEMENTS, AnnouncementView.of(announcement).toJson());
        return announcement;
    }

    public Announcement change(String id, String message, Instant time) {
        Announcement announcement = find(id);
        announcement.change(message, time == null ? announcement.time() : time);
        em.flush();
        notifications.publish("save", Notifications.Channel.ANNOUNCEMENTS, AnnouncementView.of(announcement).toJson());
        return announcement;
    }

    public void remove(String id) {
        Announcement announcement = find(id);
        em.remove(announcement);
        notifications.publish("delete", Notifications.Channel.ANNOUNCEMENTS,
                JSON.createObjectBuilder().add("id", String.valueOf(announcement.id())).build());
    }

    Announcement find(String id) {
        return NumericId.parse(id).map(i -> em.find(Announcement.class, i))
                .orElseThrow(() -> ApiError.notFound("announcement-not-found", "No announcement with id " + id));
    }
}
