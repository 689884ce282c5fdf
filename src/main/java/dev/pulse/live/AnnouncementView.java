package dev.pulse.live;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;

/** An announcement on the wire and in notifications: {@code {id, message, time}}. */
record AnnouncementView(Long id, String message, Instant time) {

    private static final JsonProvider JSON = JsonBodies.provider();

    static AnnouncementView of(Announcement a) {
        return new AnnouncementView(a.id(), a.message(), a.time());
    }

    JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("id", String.valueOf(id))
                .add("message", message)
                .add("time", LiveTime.format(time))
                .build();
    }
}
