package dev.pulse.activity;

import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.JsonFields;
import jakarta.json.JsonObject;

/** A coding error as posted: {@code user} is an email or id still to be resolved. */
public record NewCodingError(String user, String slug, String data, String message, String name,
        Integer severity, String details, String userAgent) {

    static final int MAX_NAME = 300;

    /** Reads the body, or throws one 400 naming every bad field. */
    static NewCodingError read(String body) {
        JsonObject json = ActivityBodies.object(body);
        JsonFields fields = JsonFields.of(json, FieldMessages.BREATHECODE);
        String user = fields.reference("user_id");
        String slug = ActivityBodies.requiredText(fields, "slug");
        if (slug != null && !ActivitySlugs.isCodingErrorSlug(slug)) {
            fields.fail("slug", "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens"
                    + " (at most " + ActivitySlugs.CODING_ERROR_MAX_LENGTH + ").");
        }
        String data = ActivityData.read(json, fields);
        String message = ActivityBodies.requiredText(fields, "message");
        String name = ActivityBodies.requiredText(fields, "name");
        if (name != null && name.length() > MAX_NAME) {
            fields.fail("name", fields.messages().tooLong(MAX_NAME));
        }
        Integer severity = fields.optionalInteger("severity", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(null);
        String details = ActivityBodies.optionalText(fields, "details", Integer.MAX_VALUE);
        String userAgent = ActivityBodies.optionalText(fields, "user_agent", NewActivity.MAX_USER_AGENT);
        fields.check();
        return new NewCodingError(user, slug, data, message, name, severity, details, userAgent);
    }
}
