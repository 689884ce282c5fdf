package dev.pulse.live;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.time.Instant;

/** A scheduled event on the wire and in notifications, with its location in full. */
record EventView(Long id, String shortDescription, String longDescription, LocationView location, Instant start,
        Instant end) {

    private static final JsonProvider JSON = JsonBodies.provider();

    static EventView of(ScheduledEvent e, URI base) {
        return new EventView(e.id(), e.shortDescription(), e.longDescription(), LocationView.of(e.location(), base),
                e.startTime(), e.endTime());
    }

    JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("id", String.valueOf(id))
                .add("short_description", shortDescription)
                .add("long_description", longDescription)
                .add("location", location.toJson())
                .add("start_time", LiveTime.format(start))
                .add("end_time", LiveTime.format(end))
                .build();
    }
}
