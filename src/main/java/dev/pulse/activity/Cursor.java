package dev.pulse.activity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in a newest-first listing: the (created_at, id) of the last row a page returned.
 * The next page holds the rows strictly before it in that order, so pages never overlap and
 * never skip a row, however many rows share a timestamp. On the wire it is opaque (base64url).
 */
public record Cursor(Instant createdAt, long id) {

    private static final String VERSION = "1";

    public Cursor {
        createdAt = Objects.requireNonNull(createdAt, "created at").truncatedTo(ChronoUnit.MICROS);
    }

    /** Microseconds since the epoch: the precision every store keeps. */
    public long micros() {
        return micros(createdAt);
    }

    /** Microseconds since the epoch without going through nanoseconds, which overflow ~292 years out. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    public String encode() {
        String plain = VERSION + ":" + micros() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a token stands for; empty when the token is not one this server wrote. */
    public static Optional<Cursor> decode(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":");
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            long micros = Long.parseLong(parts[1]);
            long id = Long.parseLong(parts[2]);
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (!ActivityFilters.storable(at)) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(at, id));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
