package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.Slug;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What names a new academy or cohort: a slug that fits its column and a display name, checked together. */
final class SlugAndName {

    private SlugAndName() {
    }

    /** A 400 naming the slug, the name or both; the slug is taken as sent, the name is trimmed when stored. */
    static void check(String slug, int maxSlug, String name, int maxName) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (slug == null) {
            errors.put("slug", List.of(FieldMessages.BREATHECODE.required()));
        } else {
            List<String> problems = Slug.problems(slug, maxSlug, FieldMessages.BREATHECODE);
            if (!problems.isEmpty()) {
                errors.put("slug", problems);
            }
        }
        if (name == null || name.isBlank()) {
            errors.put("name", List.of(FieldMessages.BREATHECODE.required()));
        } else if (name.trim().length() > maxName) {
            errors.put("name", List.of(FieldMessages.BREATHECODE.tooLong(maxName)));
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
    }
}
