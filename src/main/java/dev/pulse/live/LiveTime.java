package dev.pulse.live;

import dev.pulse.platform.input.StorableTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * ISO 8601 in and out. Vivere clients send local date-times without an offset
 * ("2017-02-22T21:44:27"), which are read as UTC; dates alone mean their start. Written with "Z".
 * Body fields are read by {@link dev.pulse.platform.input.JsonFields} in the same form.
 */
final class LiveTime {

    private LiveTime() {
    }

    /** Vivere's time form ({@link LiveFieldMessages#timeForm()}), for query parameters; empty when not one. */
    static Optional<Instant> parse(String text) {
        return StorableTime.parse(text, LiveFieldMessages.LIVE.timeForm()).filter(StorableTime::isStorable);
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
