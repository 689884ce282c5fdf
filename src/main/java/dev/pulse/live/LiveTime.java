package dev.pulse.live;

import dev.pulse.platform.input.StorableTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * ISO 8601 in and out. Vivere clients send local date-times without an offset
 * ("2017-02-22T21:44:27"), which are read as UTC; dates alone mean their start. Written in that same
 * form, UTC to the second with no zone: the MenloHacks app parses exactly {@code yyyy-MM-dd'T'HH:mm:ss}
 * and gets nothing for a longer text.
 * Body fields are read by {@link dev.pulse.platform.input.JsonFields} in the same form.
 */
final class LiveTime {

    private LiveTime() {
    }

    /** Vivere's time form ({@link LiveFieldMessages#timeForm()}), for query parameters; empty when not one. */
    static Optional<Instant> parse(String text) {
        return StorableTime.parse(text, LiveFieldMessages.LIVE.timeForm()).filter(StorableTime::isStorable);
    }

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    static String format(Instant instant) {
        return WRITTEN.format(instant);
    }
}
