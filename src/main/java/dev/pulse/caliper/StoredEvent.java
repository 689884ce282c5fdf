package dev.pulse.caliper;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A stored Caliper event, the row {@link CaliperEvents} queries. Read-only: rows are written in
 * batches by {@link CaliperEventStore}, after {@link CaliperValidator} has checked them, so this
 * class has no public constructor and no setters. It never leaves the package: readers get
 * {@link CaliperEvent} records.
 */
@Entity
@Immutable
@Table(name = "caliper_event")
public class StoredEvent {

    @Id
    private Long seq;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "event_id", nullable = false, columnDefinition = "text")
    private String eventId;

    @Column(nullable = false, length = 60)
    private String type;

    @Column(length = 60)
    private String action;

    @Column(length = 60)
    private String profile;

    @Column(columnDefinition = "text")
    private String assignee;

    @Column(name = "account_id")
    private Long accountId;

    @Column(columnDefinition = "text")
    private String assignable;

    @Column(name = "ed_app", columnDefinition = "text")
    private String edApp;

    @Column(name = "event_time", nullable = false)
    private Instant eventTime;

    @Column(name = "created_time")
    private Instant createdTime;

    @Column(name = "score_given")
    private Double scoreGiven;

    @Column(name = "max_score")
    private Double maxScore;

    @Column(length = 20)
    private String completion;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private String payload;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected StoredEvent() {
    }

    public Long seq() {
        return seq;
    }

    public String clientId() {
        return clientId;
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public String action() {
        return action;
    }

    public String profile() {
        return profile;
    }

    public String assignee() {
        return assignee;
    }

    public Long accountId() {
        return accountId;
    }

    public String assignable() {
        return assignable;
    }

    public String edApp() {
        return edApp;
    }

    public Instant eventTime() {
        return eventTime;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public Double scoreGiven() {
        return scoreGiven;
    }

    public Double maxScore() {
        return maxScore;
    }

    public String completion() {
        return completion;
    }

    public String payload() {
        return payload;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
