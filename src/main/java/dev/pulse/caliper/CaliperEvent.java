package dev.pulse.caliper;

import java.time.Instant;

/**
 * A stored Caliper event as the query API and other features read it: the filter values, the
 * account its assignee was linked to (or null) and the event as sent ({@code payload}, JSON text).
 */
public record CaliperEvent(String id, String type, String clientId, Instant eventTime, Instant receivedAt,
        String action, String profile, String assignee, String assignable, String edApp, String completion,
        Instant createdTime, Long accountId, Double scoreGiven, Double maxScore, String payload) {

    static CaliperEvent of(StoredEvent e) {
        return new CaliperEvent(e.eventId(), e.type(), e.clientId(), e.eventTime(), e.receivedAt(), e.action(),
                e.profile(), e.assignee(), e.assignable(), e.edApp(), e.completion(), e.createdTime(), e.accountId(),
                e.scoreGiven(), e.maxScore(), e.payload());
    }
}
