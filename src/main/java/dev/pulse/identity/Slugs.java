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

    /** Checks the slug and name fields of a new academy or cohort, both at once. */
    static void checkNewSlugAndName(String slug, String name) {
        java.util.Map<String, java.util.List<String>> errors = new java.util.LinkedHashMap<>();
        if (!isSlug(slug)) {
            errors.put("slug", java.util.List.of(slug == null ? "This field is required."
                    : "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens."));
        }
        if (name == null || name.isBlank()) {
            errors.put("name", java.util.List.of("This field is required."));
        }
        if (!errors.isEmpty()) {
            throw dev.pulse.platform.api.ApiError.invalid(errors);
        }
    }

    static String require(String value, String what) {
        if (!isSlug(value)) {
            throw new IllegalArgumentException(what + " must be a slug: " + value);
        }
        return value;
    }
}
