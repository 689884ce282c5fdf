package dev.pulse.telemetry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One student's telemetry for one asset in one academy. Read-only to JPA: every write is a single
 * SQL statement in {@link TelemetryStore} (INSERT ... ON CONFLICT, UPDATE of only the
 * columns a request carries), because upserts and field-wise updates must be decided by the
 * database to be safe under concurrency. The table's check constraints guard the invariants
 * (scores and completion in [0, 100], JSON objects, a non-negative total time, a slug).
 */
@Entity
@Immutable
@Table(name = "assignment_telemetry")
public class AssignmentTelemetry {

    @Id
    private Long id;

    @Column(name = "academy_id", nullable = false)
    private Long academyId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "asset_slug", nullable = false, length = 200)
    private String assetSlug;

    /** jsonb, read as its text; never written through JPA. */
    @Column(name = "telemetry", columnDefinition = "jsonb")
    private String telemetry;

    @Column(name = "engagement_score")
    private Double engagementScore;

    @Column(name = "frustration_score")
    private Double frustrationScore;

    @Column(name = "metrics_algo_version")
    private Double metricsAlgoVersion;

    @Column(name = "metrics", columnDefinition = "jsonb")
    private String metrics;

    @Column(name = "total_time_micros")
    private Long totalTimeMicros;

    @Column(name = "completion_rate")
    private Double completionRate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AssignmentTelemetry() {
        // for JPA; records are created by SQL upserts only
    }

    /** A record as an upsert statement returned it. */
    AssignmentTelemetry(long id, long academyId, long accountId, String assetSlug, String telemetry,
            Double engagementScore, Double frustrationScore, Double metricsAlgoVersion, String metrics,
            Long totalTimeMicros, Double completionRate, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.academyId = academyId;
        this.accountId = accountId;
        this.assetSlug = assetSlug;
        this.telemetry = telemetry;
        this.engagementScore = engagementScore;
        this.frustrationScore = frustrationScore;
        this.metricsAlgoVersion = metricsAlgoVersion;
        this.metrics = metrics;
        this.totalTimeMicros = totalTimeMicros;
        this.completionRate = completionRate;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public Long id() {
        return id;
    }

    public Long academyId() {
        return academyId;
    }

    public Long accountId() {
        return accountId;
    }

    public String assetSlug() {
        return assetSlug;
    }

    public String telemetry() {
        return telemetry;
    }

    public Double engagementScore() {
        return engagementScore;
    }

    public Double frustrationScore() {
        return frustrationScore;
    }

    public Double metricsAlgoVersion() {
        return metricsAlgoVersion;
    }

    public String metrics() {
        return metrics;
    }

    public Long totalTimeMicros() {
        return totalTimeMicros;
    }

    public Double completionRate() {
        return completionRate;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
