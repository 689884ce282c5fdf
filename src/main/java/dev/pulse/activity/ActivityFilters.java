package dev.pulse.activity;

import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.input.StorableTime;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The query parameters listings and reports share: a slug filter and a time window. Each records
 * its problem under the parameter's name in {@code problems}, so that the caller's
 * {@link JsonFields#check()} reports all at once.
 */
final class ActivityFilters {

    static final String TIME_OUT_OF_RANGE = "Datetime out of range: years 1 to 9999.";

    private ActivityFilters() {
    }

    /** A comma-separated slug filter; blank means every slug. A slug nothing was recorded under just matches nothing. */
    static Set<String> slugs(String slug, Predicate<String> isSlug, JsonFields problems) {
        Set<String> slugs = new LinkedHashSet<>();
        if (slug == null || slug.isBlank()) {
            return slugs;
        }
        for (String s : slug.split(",")) {
            String one = s.trim();
            if (one.isEmpty()) {
                continue;
            }
            if (!isSlug.test(one)) {
                problems.fail("slug", "'" + one + "' is not a slug.");
            } else {
                slugs.add(one);
            }
        }
        return slugs;
    }

    /** ISO 8601: an instant with an offset ({@code 2026-11-23T10:00:00Z}) or a date, meaning its start in UTC. */
    static Instant instant(String field, String value, JsonFields problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<Instant> at = StorableTime.parse(value, StorableTime.Form.OFFSET_DATE_TIME_OR_DATE);
        if (at.isEmpty()) {
            problems.fail(field, problems.messages().notADateTime());
            return null;
        }
        if (!ActivityStore.holds(at.get())) {
            problems.fail(field, TIME_OUT_OF_RANGE);
            return null;
        }
        return at.get();
    }

    /** A report's {@code by}: slug (the default) or day. */
    static ActivityStore.Grouping grouping(String by, JsonFields problems) {
        String b = by == null || by.isBlank() ? "slug" : by.trim().toLowerCase(Locale.ROOT);
        return switch (b) {
            case "slug" -> ActivityStore.Grouping.SLUG;
            case "day" -> ActivityStore.Grouping.DAY;
            default -> {
                problems.fail("by", "\"" + by + "\" is not a valid choice; use slug or day.");
                yield null;
            }
        };
    }
}
