package dev.pulse.platform.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A slug as Pulse writes them: lowercase letters, digits, underscores and hyphens, at most
 * {@value #MAX_LENGTH} characters (the pattern telemetry's asset-slug column checks). A record whose column
 * is shorter states its own bound with {@link #problems(String, int, FieldMessages)}.
 */
public final class Slug {

    public static final int MAX_LENGTH = 200;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]+");

    private Slug() {
    }

    /** Slug-shaped and at most {@value #MAX_LENGTH} characters. */
    public static boolean isSlug(String value) {
        return isSlug(value, MAX_LENGTH);
    }

    public static boolean isSlug(String value, int maxLength) {
        return value != null && value.length() <= maxLength && SLUG.matcher(value).matches();
    }

    /** What is wrong with a slug, in the family's words: the pattern and the length are reported apart. */
    public static List<String> problems(String value, FieldMessages messages) {
        return problems(value, MAX_LENGTH, messages);
    }

    public static List<String> problems(String value, int maxLength, FieldMessages messages) {
        if (maxLength < 1 || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("a slug has 1 to " + MAX_LENGTH + " characters: " + maxLength);
        }
        List<String> problems = new ArrayList<>(2);
        if (value == null || !SLUG.matcher(value).matches()) {
            problems.add(messages.notASlug());
        }
        if (value != null && value.length() > maxLength) {
            problems.add(messages.tooLong(maxLength));
        }
        return problems;
    }

    /** For values the code itself writes (configuration, fixed names): a slug, or an IllegalArgumentException. */
    public static String require(String value, String what) {
        return require(value, MAX_LENGTH, what);
    }

    /** Like {@link #require(String, String)} for a column shorter than {@link #MAX_LENGTH}. */
    public static String require(String value, int maxLength, String what) {
        if (!isSlug(value, maxLength)) {
            throw new IllegalArgumentException(what + " must be a slug of at most " + maxLength + " characters: '"
                    + value + "'");
        }
        return value;
    }
}
