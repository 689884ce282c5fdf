package dev.pulse.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the academy list (newest update first): the last record's update time and id.
 * Opaque to clients (URL-safe base64); keyset paging stays correct while records are written.
 */
public record TelemetryCursor(Instant updatedAt, long id) {

    public TelemetryCursor {
        if (updatedAt == null || id < 1) {
            throw new IllegalArgumentException("a cursor needs a time and a positive id");
        }
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty for anything this class did not write. */
    public static Optional<TelemetryCursor> decode(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            long micros = Long.parseLong(plain.substring(0, colon));
            long id = Long.parseLong(plain.substring(colon + 1));
            if (id < 1) {
                return Optional.empty();
            }
            return Optional.of(new TelemetryCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
