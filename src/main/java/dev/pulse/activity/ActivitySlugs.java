package dev.pulse.activity;

import dev.pulse.platform.input.Slug;
import java.util.regex.Pattern;

/**
 * Activity slugs are open: any 1 to 50 lowercase letters, digits or underscores name an activity,
 * as clients invent their own (BreatheCode itself records more than the nine it documents, which the
 * README lists). Coding errors name the error, not an activity, and keep the wider slug form of their column.
 */
final class ActivitySlugs {

    private static final Pattern ACTIVITY = Pattern.compile("[a-z0-9_]{1,50}");

    /** The 400 message for a value that cannot be an activity's slug. */
    static final String NOT_AN_ACTIVITY_SLUG = "Enter a valid activity slug: 1 to 50 lowercase letters, numbers or underscores.";

    /** The length of the slug columns, which coding errors' slugs may fill. */
    static final int CODING_ERROR_MAX_LENGTH = 100;

    private ActivitySlugs() {
    }

    static boolean isActivitySlug(String value) {
        return value != null && ACTIVITY.matcher(value).matches();
    }

    /** A coding error's slug: lowercase letters, digits, underscores or hyphens, as long as the column holds. */
    static boolean isCodingErrorSlug(String value) {
        return Slug.isSlug(value, CODING_ERROR_MAX_LENGTH);
    }
}
