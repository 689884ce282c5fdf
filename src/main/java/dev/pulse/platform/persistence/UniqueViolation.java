package dev.pulse.platform.persistence;

import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads which unique constraint a failed insert hit. Uniqueness is decided by the database;
 * services translate the constraint name into the field message their API family expects.
 */
public final class UniqueViolation {

    /** PostgreSQL's SQLSTATE for unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static Optional<String> constraintOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && (UNIQUE_VIOLATION.equals(cve.getSQLState())
                    || cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE)) {
                return Optional.ofNullable(cve.getConstraintName()).or(() -> Optional.of(""));
            }
        }
        return Optional.empty();
    }
}
