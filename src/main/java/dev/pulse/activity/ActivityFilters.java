package dev.pulse.activity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters listings and reports share: a slug filter and a time window. Each adds
 * its problem to {@code errors} under the parameter's name so that a caller reports all at once.
 */
final class ActivityFilters {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ActivityFilters() {
    }

    /** A comma-separated slug filter; blank means every slug. {@code allowedSlugs} null: any slug-shaped value. */
    static Set<String> slugs(String slug, Set<String> allowedSlugs, Map<String, List<String>> errors) {
        Set<String> slugs = new LinkedHashSet<>();
        if (slug == null || slug.isBlank()) {
            return slugs;
        }
        List<String> problems = new ArrayList<>();
        for (String s : slug.split(",")) {
            String one = s.trim();
            if (one.isEmpty()) {
                continue;
            }
            if (allowedSlugs != null ? !allowedSlugs.contains(one) : !ActivitySlugs.looksLikeSlug(one)) {
                problems.add(allowedSlugs != null ? ActivitySlugs.unknown(one, allowedSlugs) : "'" + one + "' is not a slug.");
            } else {
                slugs.add(one);
            }
        }
        if (!problems.isEmpty()) {
            errors.put("slug", problems);
        }
        return slugs;
    }

    /** ISO 8601: an instant with an offset ({@code 2026-11-23T10:00:00Z}) or a date, meaning its start in UTC. */
    static Instant instant(String field, String value, Map<String, List<String>> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant at;
        try {
            at = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            try {
                at = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e2) {
                errors.put(field, List.of("Datetime has wrong format. Use ISO 8601, e.g. 2026-11-23T10:00:00Z or 2026-11-23."));
                return null;
            }
        }
        if (!storable(at)) {
            errors.put(field, List.of("Datetime out of range: years 1 to 9999."));
            return null;
        }
        return at;
    }

    /** Within the years every store can hold (PostgreSQL refuses some far years with an error). */
    static boolean storable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /** A report's {@code by}: slug (the default) or day. */
    static ActivityStore.Grouping grouping(String by, Map<String, List<String>> errors) {
        String b = by == null || by.isBlank() ? "slug" : by.trim().toLowerCase(Locale.ROOT);
        return switch (b) {
            case "slug" -> ActivityStore.Grouping.SLUG;
            case "day" -> ActivityStore.Grouping.DAY;
            default -> {
                errors.put("by", List.of("\"" + by + "\" is not a valid choice; use slug or day."));
                yield null;
            }
        };
    }
}
