package dev.pulse.platform.input;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a newest-first listing a client asks for: the query parameters {@code limit} (how many
 * rows; a larger number than the listing allows is cut to its maximum) and {@code cursor} (where the
 * previous page ended, as {@link Cursor#encode()} wrote it). The next page's cursor goes back to the
 * client under the family's documented name ({@code cursor} for activity, {@code next_cursor} for
 * telemetry); on the way in the parameter is always {@code cursor}.
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one row: " + limit);
        }
        Objects.requireNonNull(after, "after");
    }

    /** The page asked for, or a 400 in BreatheCode's words naming {@code limit} and/or {@code cursor}. */
    public static PageRequest of(String rawLimit, String rawCursor, int defaultLimit, int maxLimit) {
        JsonFields problems = JsonFields.of(java.util.Map.of(), FieldMessages.BREATHECODE);
        PageRequest page = read(rawLimit, rawCursor, defaultLimit, maxLimit, problems);
        problems.check();
        return page;
    }

    /**
     * The page asked for, recording problems with {@code limit} and {@code cursor} beside the listing's other
     * parameters (in their words) so that one 400 names them all; where a parameter is wrong the default
     * stands in until the caller's {@link JsonFields#check()}.
     */
    public static PageRequest read(String rawLimit, String rawCursor, int defaultLimit, int maxLimit,
            JsonFields problems) {
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("default limit " + defaultLimit + " not within 1.." + maxLimit);
        }
        FieldMessages messages = problems.messages();
        int limit = defaultLimit;
        if (rawLimit != null && !rawLimit.isBlank()) {
            try {
                int asked = Integer.parseInt(rawLimit.trim());
                if (asked < 1) {
                    problems.fail(LIMIT, messages.belowMin(1, maxLimit));
                } else {
                    limit = Math.min(asked, maxLimit);
                }
            } catch (NumberFormatException e) {
                problems.fail(LIMIT, messages.notAnInteger(1, maxLimit));
            }
        }
        Optional<Cursor> after = Optional.empty();
        if (rawCursor != null && !rawCursor.isBlank()) {
            after = Cursor.decode(rawCursor);
            if (after.isEmpty()) {
                problems.fail(CURSOR, messages.invalidCursor());
            }
        }
        return new PageRequest(limit, after);
    }
}
