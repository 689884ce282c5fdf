package dev.pulse.platform.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import java.util.Optional;

/**
 * An instant PostgreSQL's {@code timestamptz} can hold, at the microsecond precision it keeps. Its range
 * is PostgreSQL's (from 4713 BC), cut at the last microsecond a signed 64-bit count from 1970 can name
 * (year 294247, just short of PostgreSQL's 294276), so every storable time has a number in a cursor.
 * A time outside the range would fail in the database as a 500; input is checked against it first.
 */
public record StorableTime(Instant instant) {

    /** The earliest time PostgreSQL stores: 4714-11-24 BC (proleptic Gregorian), its Julian day 0. */
    public static final Instant EARLIEST = Instant.parse("-4713-11-24T00:00:00Z");
    /** The latest time that is both storable and a microsecond count in a {@code long}. */
    public static final Instant LATEST = Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS);

    /** How a family writes times on the wire. */
    public enum Form {
        /** A date-time with an offset: {@code 2024-03-01T10:15:00Z}. */
        OFFSET_DATE_TIME,
        /** A date-time with an offset, or a date meaning its start in UTC: {@code 2026-11-23}. */
        OFFSET_DATE_TIME_OR_DATE,
        /**
         * Also a local date-time, read as UTC ({@code 2017-02-22T21:44:27}), or a date meaning its start in
         * UTC; a {@code '+'} that arrived as a space (unencoded in a query string) is read as {@code '+'}.
         */
        LOCAL_AS_UTC
    }

    /** Truncated to microseconds; an instant outside the storable range is an {@link IllegalArgumentException}. */
    public StorableTime {
        Objects.requireNonNull(instant, "instant");
        if (!isStorable(instant)) {
            throw new IllegalArgumentException("not a storable time: " + instant);
        }
        instant = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static StorableTime of(Instant instant) {
        return new StorableTime(instant);
    }

    /** The time a count of microseconds since 1970 names; empty when it is outside the storable range. */
    public static Optional<StorableTime> ofMicros(long micros) {
        Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return isStorable(at) ? Optional.of(new StorableTime(at)) : Optional.empty();
    }

    public static boolean isStorable(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * The instant ISO 8601 text names in that form, whether or not it is storable (see {@link #isStorable});
     * empty for anything else, including null and blank text.
     */
    public static Optional<Instant> parse(String text, Form form) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = form == Form.LOCAL_AS_UTC ? text.trim().replace(' ', '+') : text.trim();
        try {
            if (form == Form.LOCAL_AS_UTC) {
                TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value,
                        OffsetDateTime::from, LocalDateTime::from);
                return Optional.of(parsed instanceof OffsetDateTime odt ? odt.toInstant()
                        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException notADateTime) {
            if (form == Form.OFFSET_DATE_TIME) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Microseconds since 1970; exact for every storable time. */
    public long micros() {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** ISO 8601 in UTC, {@code 2024-03-01T10:15:00.123456Z}. */
    @Override
    public String toString() {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
