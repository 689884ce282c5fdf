package dev.pulse.platform.input;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a newest-first keyset listing: the time and id of the last row a page returned. The next
 * page holds the rows strictly before it in (time, id) order, so pages never overlap and never skip a row,
 * however many rows share a time.
 *
 * <p>On the wire it is opaque: base64url (no padding) of {@code "1:<microseconds since 1970>:<id>"}.
 * The leading {@code 1} is the format's version. Decoding also reads the unversioned
 * {@code "<microseconds>:<id>"} that telemetry listings handed out, so cursors clients hold keep working.
 */
public record Cursor(Instant at, long id) {

    private static final String VERSION = "1";
    /** Longer text is not a cursor this class wrote; refused before decoding. */
    private static final int MAX_TOKEN = 100;

    /** The time is kept at microsecond precision, as stored; it must be storable and the id positive. */
    public Cursor {
        at = StorableTime.of(at).instant();
        if (id < 1) {
            throw new IllegalArgumentException("ids start at 1: " + id);
        }
    }

    public String encode() {
        String plain = VERSION + ":" + StorableTime.of(at).micros() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a token stands for; empty for anything this server did not write (null and blank too). */
    public static Optional<Cursor> decode(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length == 3 && VERSION.equals(parts[0])) {
                return of(parts[1], parts[2]);
            }
            if (parts.length == 2) {
                return of(parts[0], parts[1]);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Cursor> of(String micros, String id) {
        if (!digits(micros, true) || !digits(id, false)) {
            return Optional.empty();
        }
        long number = Long.parseLong(id);
        if (number < 1) {
            return Optional.empty();
        }
        return StorableTime.ofMicros(Long.parseLong(micros)).map(at -> new Cursor(at.instant(), number));
    }

    /** Plain decimal digits (and a leading minus where allowed), so "+1" or " 1" never pass as numbers. */
    private static boolean digits(String text, boolean signed) {
        int start = signed && text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() - start > 19) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
