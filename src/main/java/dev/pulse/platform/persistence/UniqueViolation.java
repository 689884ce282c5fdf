package dev.pulse.platform.persistence;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads which unique constraint a failed insert hit. Uniqueness is decided by the database;
 * services translate the constraint name into the field message their API family expects.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static Optional<String> constraintOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve
                    && cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return Optional.ofNullable(cve.getConstraintName()).or(() -> Optional.of(""));
            }
        }
        return Optional.empty();
    }
}
