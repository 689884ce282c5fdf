package dev.pulse.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An item of the hackathon's schedule, at a location, starting before it ends. */
@Entity
@Table(name = "live_event")
public class ScheduledEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "short_description", nullable = false, length = 200)
    private String shortDescription;

    @Column(name = "long_description", nullable = false, columnDefinition = "text")
    private String longDescription;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "location_id", nullable = false)
    private Location location;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    @Column(name = "end_time", nullable = false)
    private Instant endTime;

    protected ScheduledEvent() {
    }

    ScheduledEvent(String shortDescription, String longDescription, Location location, Instant start, Instant end) {
        change(shortDescription, longDescription, location, start, end);
    }

    final void change(String shortDescription, String longDescription, Location location, Instant start, Instant end) {
        if (shortDescription == null || shortDescription.isBlank()) {
            throw new IllegalArgumentException("an event needs a short description");
        }
        if (!Objects.requireNonNull(start, "start").isBefore(Objects.requireNonNull(end, "end"))) {
            throw new IllegalArgumentException("an event starts before it ends");
        }
        this.shortDescription = shortDescription;
        this.longDescription = longDescription == null ? "" : longDescription;
        this.location = Objects.requireNonNull(location, "location");
        this.startTime = start;
        this.endTime = end;
    }

    Long id() {
        return id;
    }

    String shortDescription() {
        return shortDescription;
    }

    String longDescription() {
        return longDescription;
    }

    Location location() {
        return location;
    }

    Instant startTime() {
        return startTime;
    }

    Instant endTime() {
        return endTime;
    }
}
