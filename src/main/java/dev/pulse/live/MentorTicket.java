package dev.pulse.live;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A request for a mentor's help. Open until claimed, closed or expired; a claimed or closed ticket
 * can be reopened, which restarts its expiry window but keeps {@code timeCreated} (its queue place).
 * State changes that race (claim, close, reopen, expire) are conditional updates in
 * {@link MentorshipQueue}, not setters here.
 */
@Entity
@Table(name = "mentor_ticket")
public class MentorTicket {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_LOCATION = 200;
    static final int MAX_CONTACT = 200;

    /** The four buckets of a user's queue, in Vivere's order. */
    enum Bucket { open, in_progress, expired, closed }

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

    /** Expired by the timer, or overdue already: reads stay right even when a timer is late. */
    boolean isExpired(Instant now) {
        return expired || (!isClaimed() && !isClosed() && !now.isBefore(expiresAt));
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

    /** The ticket as {@code viewer} sees it; a null viewer (broadcasts, anonymous) sees no per-user flags. */
    JsonObject toJson(Long viewer, Instant now) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", String.valueOf(id))
                .add("description", description)
                .add("location", location)
                .add("contact", contact)
                .add("claimed", isClaimed())
                .add("expired", isExpired(now))
                .add("is_mine", viewer != null && viewer.equals(creatorId))
                .add("claimed_by_me", viewer != null && viewer.equals(claimerId))
                .add("time_created", LiveTime.format(timeCreated));
        if (timeComplete == null) {
            json.addNull("time_complete");
        } else {
            json.add("time_complete", LiveTime.format(timeComplete));
        }
        return json.build();
    }
}
