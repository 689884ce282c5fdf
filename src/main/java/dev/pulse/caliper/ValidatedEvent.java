package dev.pulse.caliper;

import java.time.Instant;
import java.util.Objects;

/**
 * An event that passed validation, with the values the filter columns hold and the fingerprint
 * that tells a harmless resend (same content) from a conflicting one (same id, other content).
 */
public record ValidatedEvent(String id, String type, String action, String profile, String assignee,
        String assignable, String edApp, Instant eventTime, Instant createdTime, Double scoreGiven,
        Double maxScore, String completion, String payload, String fingerprint) {

    public ValidatedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
