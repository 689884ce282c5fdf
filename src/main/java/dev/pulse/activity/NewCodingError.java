package dev.pulse.activity;

/** A coding error as posted: {@code user} is an email or id still to be resolved. */
public record NewCodingError(String user, String slug, String data, String message, String name,
        Integer severity, String details, String userAgent) {

    static final int MAX_NAME = 300;
    static final int MAX_SLUG = 100;

    /** Reads the body, or throws one 400 naming every bad field. */
    static NewCodingError read(String body) {
        ActivityFields fields = ActivityFields.of(body);
        String user = fields.reference("user_id");
        if (user == null && !fields.failed("user_id")) {
            fields.fail("user_id", ActivityFields.REQUIRED);
        }
        String slug = fields.requiredText("slug");
        if (slug != null && (slug.length() > MAX_SLUG || !ActivitySlugs.looksLikeSlug(slug))) {
            fields.fail("slug",
                    "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens (at most 100).");
        }
        String data = ActivityData.read(fields);
        String message = fields.requiredText("message");
        String name = fields.requiredText("name");
        if (name != null && name.length() > MAX_NAME) {
            fields.fail("name", "Ensure this field has no more than " + MAX_NAME + " characters.");
        }
        Integer severity = fields.integer("severity");
        String details = fields.optionalText("details", Integer.MAX_VALUE);
        String userAgent = fields.optionalText("user_agent", NewActivity.MAX_USER_AGENT);
        fields.check();
        return new NewCodingError(user, slug, data, message, name, severity, details, userAgent);
    }
}
