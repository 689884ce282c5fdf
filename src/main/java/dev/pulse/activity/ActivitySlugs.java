package dev.pulse.activity;

import dev.pulse.platform.input.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The activity slugs this installation accepts: BreatheCode's nine plus any listed in PULSE_ACTIVITY_SLUGS. */
@ApplicationScoped
public class ActivitySlugs {

    /** The nine activities of the BreatheCode Activity API. */
    public static final List<String> KNOWN = List.of(
            "breathecode_login",
            "online_platform_registration",
            "public_event_attendance",
            "classroom_attendance",
            "classroom_unattendance",
            "lesson_opened",
            "office_attendance",
            "nps_survey_answered",
            "exercise_success");

    /** The length of the slug columns. */
    static final int MAX_LENGTH = 100;

    private Set<String> allowed;

    protected ActivitySlugs() {
    }

    @Inject
    public ActivitySlugs(@ConfigProperty(name = "PULSE_ACTIVITY_SLUGS") Optional<String> extra) {
        this.allowed = allowing(extra.orElse(""));
    }

    /** The known slugs plus the comma-separated extra ones (blank or malformed entries refused at start-up). */
    static Set<String> allowing(String extra) {
        Set<String> slugs = new LinkedHashSet<>(KNOWN);
        for (String s : extra.split(",")) {
            String slug = s.trim();
            if (slug.isEmpty()) {
                continue;
            }
            if (!isSlug(slug)) {
                throw new IllegalArgumentException("PULSE_ACTIVITY_SLUGS: not a slug: '" + slug + "'");
            }
            slugs.add(slug);
        }
        return Collections.unmodifiableSet(slugs);
    }

    public Set<String> allowed() {
        return allowed;
    }

    /** The 400 message for a slug this installation does not accept, naming those it does. */
    static String unknown(String slug, Set<String> allowed) {
        return "'" + slug + "' is not a valid activity slug; allowed: " + String.join(", ", allowed) + ".";
    }

    /** A slug that fits the slug columns. */
    static boolean isSlug(String value) {
        return Slug.isSlug(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return String.join(", ", allowed);
    }
}
