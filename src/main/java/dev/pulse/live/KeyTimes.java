package dev.pulse.live;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The event's four key times, each null until organisers set it; on the wire
 * {@code {event_start_time, event_end_time, hacking_start_time, hacking_end_time}}.
 */
record KeyTimes(Instant eventStart, Instant eventEnd, Instant hackingStart, Instant hackingEnd) {

    private static final JsonProvider JSON = JsonBodies.provider();

    /** The wire names, in the order of the components. */
    static final List<String> FIELDS = List.of("event_start_time", "event_end_time", "hacking_start_time",
            "hacking_end_time");

    static final KeyTimes UNSET = new KeyTimes(null, null, null, null);

    JsonObject toJson() {
        List<Instant> values = Arrays.asList(eventStart, eventEnd, hackingStart, hackingEnd);
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (values.get(i) == null) {
                json.addNull(FIELDS.get(i));
            } else {
                json.add(FIELDS.get(i), LiveTime.format(values.get(i)));
            }
        }
        return json.build();
    }
}
