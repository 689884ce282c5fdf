package dev.pulse.activity;

import dev.pulse.platform.input.Cursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One recorded activity. {@code data} is JSON text: the object or array a client sent encoded in
 * a string, or a JSON string holding plain text. {@code cohort} is the cohort's slug as it was
 * when the activity was recorded, or, with no {@code cohortId}, the text the client named a cohort
 * by that places nothing; {@code email} is null for an account without one (a Live account);
 * {@code id} is null until a store has assigned one.
 */
public record Activity(Long id, String slug, long userId, String email, Long cohortId, String cohort,
        Long academyId, Integer day, String data, String userAgent, Instant createdAt) {

    public Activity {
        if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("an activity needs a slug");
        }
        if (day != null && day < 0) {
            throw new IllegalArgumentException("an activity's day cannot be negative");
        }
        if (cohortId != null && cohort == null) {
            throw new IllegalArgumentException("a cohort id comes with the cohort's slug");
        }
        // stores keep microseconds; truncating here makes the cursor of a returned row exact
        createdAt = Objects.requireNonNull(createdAt, "created at").truncatedTo(ChronoUnit.MICROS);
    }

    public Activity withId(long assigned) {
        return new Activity(assigned, slug, userId, email, cohortId, cohort, academyId, day, data, userAgent, createdAt);
    }

    public Cursor cursor() {
        return new Cursor(createdAt, Objects.requireNonNull(id, "a stored activity"));
    }
}
