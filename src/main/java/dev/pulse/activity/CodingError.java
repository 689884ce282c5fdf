package dev.pulse.activity;

import dev.pulse.platform.input.Cursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An error a learner's tool (the CLI, an exercise runner) reported; {@code data} is JSON text and
 * {@code email} may be null, as in {@link Activity}.
 */
public record CodingError(Long id, String slug, long userId, String email, String data, String message, String name,
        Integer severity, String details, String userAgent, Instant createdAt) {

    public CodingError {
        if (slug == null || slug.isBlank() || message == null || message.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a coding error needs a slug, a message and a name");
        }
        createdAt = Objects.requireNonNull(createdAt, "created at").truncatedTo(ChronoUnit.MICROS);
    }

    public CodingError withId(long assigned) {
        return new CodingError(assigned, slug, userId, email, data, message, name, severity, details, userAgent,
                createdAt);
    }

    public Cursor cursor() {
        return new Cursor(createdAt, Objects.requireNonNull(id, "a stored coding error"));
    }
}
