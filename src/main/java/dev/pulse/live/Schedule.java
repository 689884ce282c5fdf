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
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The event's times, its locations with their map images, and the schedule of events. */
@ApplicationScoped
@Transactional
public class Schedule {

    private static final JsonProvider JSON = JsonBodies.provider();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    /** The four key times; null where organisers have not set them yet. */
    public KeyTimes times() {
        List<?> rows = em.createNativeQuery("""
                select event_start_time, event_end_time, hacking_start_time, hacking_end_time
                from live_times where id = 1""").getResultList();
        if (rows.isEmpty()) {
            return KeyTimes.UNSET;
        }
        Object[] row = (Object[]) rows.get(0);
        return new KeyTimes(instantOf(row[0]), instantOf(row[1]), instantOf(row[2]), instantOf(row[3]));
    }

    public KeyTimes setTimes(Instant eventStart, Instant eventEnd, Instant hackingStart, Instant hackingEnd) {
        if (!eventStart.isBefore(eventEnd)) {
            throw LiveFieldMessages.LIVE.invalid("event_end_time", "Must be after event_start_time.");
        }
        if (!hackingStart.isBefore(hackingEnd)) {
            throw LiveFieldMessages.LIVE.invalid("hacking_end_time", "Must be after hacking_start_time.");
        }
        em.createNativeQuery("""
                insert into live_times (id, event_start_time, event_end_time, hacking_start_time, hacking_end_time, updated_at)
                values (1, ?1, ?2, ?3, ?4, ?5)
                on conflict (id) do update set event_start_time = excluded.event_start_time,
                    event_end_time = excluded.event_end_time, hacking_start_time = excluded.hacking_start_time,
                    hacking_end_time = excluded.hacking_end_time, updated_at = excluded.updated_at""")
                .setParameter(1, eventStart).setParameter(2, eventEnd)
                .setParameter(3, hackingStart).setParameter(4, hackingEnd)
                .setParameter(5, clock.instant())
                .executeUpdate();
        return times();
    }

    private static Instant instantOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time type " + value.getClass());
    }

    // ---- locations and maps

    /** Primary locations by rank: the list of maps. */
    public List<Location> maps() {
        return em.createQuery("select l from Location l where l.rank > -1 order by l.rank, l.id", Location.class)
                .getResultList();
    }

    public List<Location> locations() {
        return em.createQuery("select l from Location l order by l.id", Location.class).getResultList();
    }

    public Location location(String id) {
        return NumericId.parse(id).map(i -> em.find(Location.class, i))
                .orElseThrow(() -> ApiError.notFound("location-not-found", "No location with id " + id));
    }

    public Location createLocation(String name, int rank, MapImages.Image image) {
        Location location = new Location(name, rank, clock.instant());
        em.persist(location);
        em.flush();
        if (image != null) {
            storeImage(location.id(), image);
        }
        return location;
    }

    public Location updateLocation(String id, Optional<String> name, Optional<Integer> rank, MapImages.Image image) {
        Location location = location(id);
        name.ifPresent(location::rename);
        rank.ifPresent(location::rank);
        if (image != null) {
            storeImage(location.id(), image);
        }
        return location;
    }

    public void deleteLocation(String id) {
        Location location = location(id);
        long events = em.createQuery("select count(e) from ScheduledEvent e where e.location = :l", Long.class)
                .setParameter("l", location).getSingleResult();
        if (events > 0) {
            throw ApiError.conflict("location-in-use",
                    "Location " + id + " is the location of " + events + " event(s); move or delete them first");
        }
        em.remove(location);
    }

    private void storeImage(long locationId, MapImages.Image image) {
        em.createNativeQuery("""
                insert into live_location_image (location_id, content_type, bytes, updated_at) values (?1, ?2, ?3, ?4)
                on conflict (location_id) do update set content_type = excluded.content_type, bytes = excluded.bytes,
                    updated_at = excluded.updated_at""")
                .setParameter(1, locationId).setParameter(2, image.contentType())
                .setParameter(3, image.bytes()).setParameter(4, clock.instant())
                .executeUpdate();
    }

    public Optional<MapImages.Image> image(String id) {
        Optional<Long> locationId = NumericId.parse(id);
        if (locationId.isEmpty()) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("select content_type, bytes from live_location_image where location_id = ?1")
                .setParameter(1, locationId.get()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new MapImages.Image((String) row[0], (byte[]) row[1]));
    }

    // ---- events

    public List<ScheduledEvent> events() {
        return em.createQuery("select e from ScheduledEvent e join fetch e.location order by e.startTime, e.id",
                ScheduledEvent.class).getResultList();
    }

    public record EventInput(String shortDescription, String longDescription, String locationId, Instant start, Instant end) {
    }

    public ScheduledEvent createEvent(EventInput input, URI base) {
        ScheduledEvent event = new ScheduledEvent(input.shortDescription(), input.longDescription(),
                eventLocation(input.locationId()), checkedStart(input), input.end());
        em.persist(event);
        em.flush();
        notifications.publish("save", Notifications.Channel.EVENTS, EventView.of(event, base).toJson());
        return event;
    }

    public ScheduledEvent updateEvent(String id, EventInput input, URI base) {
        ScheduledEvent event = event(id);
        Instant start = input.start() == null ? event.startTime() : input.start();
        Instant end = input.end() == null ? event.endTime() : input.end();
        if (!start.isBefore(end)) {
            throw LiveFieldMessages.LIVE.invalid("end_time", "Must be after start_time.");
        }
        event.change(input.shortDescription() == null ? event.shortDescription() : input.shortDescription(),
                input.longDescription() == null ? event.longDescription() : input.longDescription(),
                input.locationId() == null ? event.location() : eventLocation(input.locationId()), start, end);
        em.flush();
        notifications.publish("save", Notifications.Channel.EVENTS, EventView.of(event, base).toJson());
        return event;
    }

    public void deleteEvent(String id) {
        ScheduledEvent event = event(id);
        em.remove(event);
        notifications.publish("delete", Notifications.Channel.EVENTS,
                JSON.createObjectBuilder().add("id", String.valueOf(event.id())).build());
    }

    private ScheduledEvent event(String id) {
        return NumericId.parse(id).map(i -> em.find(ScheduledEvent.class, i))
                .orElseThrow(() -> ApiError.notFound("event-not-found", "No event with id " + id));
    }

    /** An event's location must exist: a 400 naming the field, not a 404 for the event. */
    private Location eventLocation(String id) {
        return NumericId.parse(id).map(i -> em.find(Location.class, i))
                .orElseThrow(() -> LiveFieldMessages.LIVE.invalid("location", "No location with id " + id + "."));
    }

    private static Instant checkedStart(EventInput input) {
        if (!input.start().isBefore(input.end())) {
            throw LiveFieldMessages.LIVE.invalid("end_time", "Must be after start_time.");
        }
        return input.start();
    }
}
