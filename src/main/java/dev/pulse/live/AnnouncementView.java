package dev.pulse.live;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;

/** An announcement on the wire and in notifications: {@code {id, message, time}}. */
record AnnouncementView(Long id, String message, Instant time) {

    static AnnouncementView of(Announcement a) {
        return new AnnouncementView(a.id(), a.message(), a.time());
    }

    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", String.valueOf(id))
                .add("message", message)
                .add("time", LiveTime.format(time))
                .build();
    }
}
