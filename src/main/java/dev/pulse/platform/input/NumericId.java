package dev.pulse.platform.input;

import java.util.Optional;

/**
 * A positive numeric id as text (a path segment, a query parameter, a reference in a body): decimal
 * digits only, at most 18 of them so that it always fits a {@code long}. Anything else names no row,
 * which callers answer as "not found" rather than as a server error.
 */
public final class NumericId {

    private static final int MAX_DIGITS = 18;

    private NumericId() {
    }

    public static Optional<Long> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long id = Long.parseLong(raw);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }

    /** Whether the text is written as a number at all (all digits), whether or not it is a valid id. */
    public static boolean looksNumeric(String raw) {
        return raw != null && !raw.isEmpty() && raw.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
