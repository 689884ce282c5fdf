package dev.pulse.identity;

import java.util.regex.Pattern;

/** Slugs as BreatheCode writes them: lowercase letters, digits, dashes and underscores. */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,199}");

    private Slugs() {
    }

    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    static String require(String value, String what) {
        if (!isSlug(value)) {
            throw new IllegalArgumentException(what + " must be a slug: " + value);
        }
        return value;
    }
}
