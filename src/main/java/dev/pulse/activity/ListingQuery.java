package dev.pulse.activity;

import dev.pulse.platform.input.Cursor;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.input.PageRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A listing's query parameters as they came in; checked only after access is granted, so that a
 * stranger learns nothing from their messages. Activity listings carry the keyset position in
 * {@code cursor} both ways: the query parameter names the page to start after, and the paged
 * answer's {@code cursor} (also the {@code X-Next-Cursor} header) is the next page's.
 */
public record ListingQuery(String slug, String since, String until, String limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;

    /** Whether the client pages explicitly, and so reads the paged form of the answer. */
    boolean paging() {
        return limit != null || cursor != null;
    }

    /** The rows wanted, or one 400 naming every bad parameter; {@code isSlug} says which slug filters are well-formed. */
    ActivityStore.Window window(Predicate<String> isSlug) {
        JsonFields problems = JsonFields.of(Map.of(), FieldMessages.BREATHECODE);
        Set<String> slugs = ActivityFilters.slugs(slug, isSlug, problems);
        Instant from = ActivityFilters.instant("since", since, problems);
        Instant to = ActivityFilters.instant("until", until, problems);
        PageRequest page = PageRequest.read(limit, cursor, DEFAULT_LIMIT, ActivityStore.Window.MAX_LIMIT, problems);
        Cursor after = page.after().orElse(null);
        if (after != null && !ActivityStore.holds(after.at())) {
            problems.fail(PageRequest.CURSOR, problems.messages().invalidCursor());
        }
        problems.check();
        return new ActivityStore.Window(slugs, from, to, after, page.limit());
    }
}
