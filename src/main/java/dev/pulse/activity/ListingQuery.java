package dev.pulse.activity;

import dev.pulse.platform.api.ApiError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A listing's query parameters as they came in; checked only after access is granted, so that a
 * stranger learns nothing from their messages. The next page's position comes back in
 * {@code cursor}, the parameter that also carries it on the wire.
 */
public record ListingQuery(String slug, String since, String until, String limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;

    /** Whether the client pages explicitly, and so reads the paged form of the answer. */
    boolean paging() {
        return limit != null || cursor != null;
    }

    /** The rows wanted, or one 400 naming every bad parameter. {@code allowedSlugs} null: any slug-shaped value filters. */
    ActivityStore.Window window(Set<String> allowedSlugs) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Set<String> slugs = ActivityFilters.slugs(slug, allowedSlugs, errors);
        Instant from = ActivityFilters.instant("since", since, errors);
        Instant to = ActivityFilters.instant("until", until, errors);
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
                if (size < 1) {
                    errors.put("limit", List.of("Ensure this value is greater than or equal to 1."));
                }
                size = Math.min(size, ActivityStore.Window.MAX_LIMIT);
            } catch (NumberFormatException e) {
                errors.put("limit", List.of("A valid integer is required."));
            }
        }
        Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = Cursor.decode(cursor).orElse(null);
            if (after == null) {
                errors.put("cursor", List.of("Invalid cursor."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        return new ActivityStore.Window(slugs, from, to, after, size);
    }
}
