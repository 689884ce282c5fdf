package dev.pulse.activity;

import java.util.Set;

/**
 * What a client asked to record, read from a POST body: {@code cohort} is a cohort's slug or id
 * still to be resolved, the body's own or else the one named in JSON {@code data}.
 */
public record NewActivity(String slug, String data, String cohort, Integer day, String userAgent) {

    static final int MAX_USER_AGENT = 300;

    /** Reads the body, or throws one 400 naming every bad field; only slugs in {@code allowedSlugs} are recorded. */
    static NewActivity read(String body, Set<String> allowedSlugs) {
        ActivityFields fields = ActivityFields.of(body);
        String slug = fields.requiredText("slug");
        if (slug != null && !allowedSlugs.contains(slug)) {
            fields.fail("slug", ActivitySlugs.unknown(slug, allowedSlugs));
        }
        String data = ActivityData.read(fields);
        String cohort = fields.reference("cohort");
        if (cohort == null && data != null) {
            cohort = ActivityData.cohortIn(data);
        }
        Integer day = fields.integer("day");
        if (day != null && day < 0) {
            fields.fail("day", "Ensure this value is greater than or equal to 0.");
        }
        String userAgent = fields.optionalText("user_agent", MAX_USER_AGENT);
        fields.check();
        return new NewActivity(slug, data, cohort, day, userAgent);
    }
}
