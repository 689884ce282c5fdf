package dev.pulse.activity;

import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.JsonFields;
import jakarta.json.JsonObject;

/**
 * What a client asked to record, read from a POST body: {@code cohort} is a cohort's slug or id
 * still to be resolved, the body's own or else the one named in JSON {@code data}.
 */
public record NewActivity(String slug, String data, String cohort, Integer day, String userAgent) {

    static final int MAX_USER_AGENT = 300;

    /** Reads the body, or throws one 400 naming every bad field. */
    static NewActivity read(String body) {
        JsonObject json = ActivityBodies.object(body);
        JsonFields fields = JsonFields.of(json, FieldMessages.BREATHECODE);
        String slug = ActivityBodies.requiredText(fields, "slug");
        if (slug != null && !ActivitySlugs.isActivitySlug(slug)) {
            fields.fail("slug", ActivitySlugs.NOT_AN_ACTIVITY_SLUG);
        }
        String data = ActivityData.read(json, fields);
        String cohort = fields.optionalReference("cohort").orElse(null);
        if (cohort == null && data != null) {
            cohort = ActivityData.cohortIn(data);
        }
        Integer day = fields.optionalInteger("day", 0, Integer.MAX_VALUE).orElse(null);
        String userAgent = ActivityBodies.optionalText(fields, "user_agent", MAX_USER_AGENT);
        fields.check();
        return new NewActivity(slug, data, cohort, day, userAgent);
    }
}
