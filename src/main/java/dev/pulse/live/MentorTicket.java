package dev.pulse.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for a mentor's help, and its lifecycle. Open until claimed, closed or expired; anyone
 * may claim an open ticket; its creator or its mentor may close it, or reopen it when it is claimed,
 * closed or expired, which restarts its expiry window but keeps {@code timeCreated} (its queue place).
 * Changes that race (claim, close, reopen, expire) are made by {@link MentorshipQueue} on the row it
 * has locked, so each sees the state the one before it left.
 */
@Entity
@Table(name = "mentor_ticket")
public class MentorTicket {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_LOCATION = 200;
    static final int MAX_CONTACT = 200;

    /** The four buckets of a user's queue, in Vivere's order. */
    enum Bucket { open, in_progress, expired, closed }

    /** Why a change was refused. */
    enum Refusal { NOT_INVOLVED, CLAIMED, CLOSED, EXPIRED, OPEN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    private String description;

    @Column(nullable = false, length = MAX_LOCATION)
    private String location;

    @Column(nullable = false, length = MAX_CONTACT)
    private String contact;

    @Column(name = "creator_id", nullable = false)
    private Long creatorId;

    @Column(name = "claimer_id")
    private Long claimerId;

    @Column(name = "time_created", nullable = false)
    private Instant timeCreated;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private boolean expired;

    @Column(name = "time_complete")
    private Instant timeComplete;

    protected MentorTicket() {
    }

    MentorTicket(String description, String location, String contact, long creatorId, Instant now, Instant expiresAt) {
        this.description = required(description, "description", MAX_DESCRIPTION);
        this.location = required(location, "location", MAX_LOCATION);
        this.contact = required(contact, "contact", MAX_CONTACT);
        this.creatorId = creatorId;
        this.timeCreated = Objects.requireNonNull(now, "now");
        this.openedAt = now;
        if (!Objects.requireNonNull(expiresAt, "expires at").isAfter(now)) {
            throw new IllegalArgumentException("a ticket expires after it is opened");
        }
        this.expiresAt = expiresAt;
    }

    private static String required(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1.." + max + " characters");
        }
        return value;
    }

    Long id() {
        return id;
    }

    long creatorId() {
        return creatorId;
    }

    Long claimerId() {
        return claimerId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean isClaimed() {
        return claimerId != null;
    }

    boolean isClosed() {
        return timeComplete != null;
    }

    boolean involves(long accountId) {
        return creatorId == accountId || (claimerId != null && claimerId == accountId);
    }

    /** Marked expired, or overdue already: reads stay right between two expiry sweeps. */
    boolean isExpired(Instant now) {
        return expired || (!isClaimed() && !isClosed() && !now.isBefore(expiresAt));
    }

    /** Still asking for or getting help: not closed and not expired; what the open-ticket limit counts. */
    boolean isActive(Instant now) {
        return !isClosed() && !isExpired(now);
    }

    boolean isOpen(Instant now) {
        return !isClaimed() && !isClosed() && !isExpired(now);
    }

    Bucket bucket(Instant now) {
        if (isClosed()) {
            return Bucket.closed;
        }
        if (isClaimed()) {
            return Bucket.in_progress;
        }
        return isExpired(now) ? Bucket.expired : Bucket.open;
    }

    /** Claimed by a mentor, if it is still open. */
    Optional<Refusal> claim(long mentorId, Instant now) {
        if (isClosed()) {
            return Optional.of(Refusal.CLOSED);
        }
        if (isClaimed()) {
            return Optional.of(Refusal.CLAIMED);
        }
        if (isExpired(now)) {
            return Optional.of(Refusal.EXPIRED);
        }
        this.claimerId = mentorId;
        return Optional.empty();
    }

    /** Closed by its creator or its mentor: help given or no longer needed. */
    Optional<Refusal> close(long accountId, Instant now) {
        if (!involves(accountId)) {
            return Optional.of(Refusal.NOT_INVOLVED);
        }
        if (isClosed()) {
            return Optional.of(Refusal.CLOSED);
        }
        this.timeComplete = Objects.requireNonNull(now, "now");
        return Optional.empty();
    }

    /**
     * Reopened by its creator or its mentor when it is not open: unclaimed, not closed, not expired,
     * with a new expiry window; its queue place stays.
     */
    Optional<Refusal> reopen(long accountId, Instant now, Instant newExpiry) {
        if (!involves(accountId)) {
            return Optional.of(Refusal.NOT_INVOLVED);
        }
        if (isOpen(now)) {
            return Optional.of(Refusal.OPEN);
        }
        if (!Objects.requireNonNull(newExpiry, "new expiry").isAfter(now)) {
            throw new IllegalArgumentException("a ticket expires after it is opened");
        }
        this.claimerId = null;
        this.timeComplete = null;
        this.expired = false;
        this.openedAt = now;
        this.expiresAt = newExpiry;
        return Optional.empty();
    }

    /** Marks an open ticket expired once its time is up; true when it did just now. */
    boolean expireIfDue(Instant now) {
        if (expired || isClaimed() || isClosed() || now.isBefore(expiresAt)) {
            return false;
        }
        this.expired = true;
        return true;
    }

    String description() {
        return description;
    }

    String location() {
        return location;
    }

    String contact() {
        return contact;
    }

    Instant timeCreated() {
        return timeCreated;
    }

    Instant timeComplete() {
        return timeComplete;
    }
}
