package dev.pulse.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A study group: a named set of members following a set of activities. */
@Entity
@Table(name = "study_group")
public class StudyGroup {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    /** Requested through update, it deletes the group (Sunbird's backward-compatible delete); never stored. */
    public static final String INACTIVE = "inactive";
    public static final Set<String> STATUSES = Set.of(ACTIVE, SUSPENDED, INACTIVE);
    public static final String INVITE_ONLY = "invite_only";
    public static final Set<String> MEMBERSHIP_TYPES = Set.of(INVITE_ONLY, "moderated");
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 5000;

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "membership_type", nullable = false, length = 30)
    private String membershipType;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "created_on", nullable = false)
    private Instant createdOn;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_on")
    private Instant updatedOn;

    protected StudyGroup() {
    }

    public StudyGroup(String name, String description, String membershipType, long createdBy, Instant createdOn) {
        this.id = UUID.randomUUID();
        rename(name);
        describe(description);
        changeMembershipType(membershipType == null ? INVITE_ONLY : membershipType);
        this.status = ACTIVE;
        this.createdBy = createdBy;
        this.createdOn = Objects.requireNonNull(createdOn, "created on");
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.trim().length() > MAX_NAME) {
            throw new IllegalArgumentException("a group needs a name of 1 to " + MAX_NAME + " characters");
        }
        this.name = newName.trim();
    }

    public void describe(String newDescription) {
        if (newDescription != null && newDescription.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a description has at most " + MAX_DESCRIPTION + " characters");
        }
        this.description = newDescription;
    }

    public void changeMembershipType(String type) {
        if (!MEMBERSHIP_TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown membership type " + type);
        }
        this.membershipType = type;
    }

    /** Only active and suspended are states; inactive means deletion and is handled by the service. */
    public void changeStatus(String newStatus) {
        if (!ACTIVE.equals(newStatus) && !SUSPENDED.equals(newStatus)) {
            throw new IllegalArgumentException("a group is active or suspended, not " + newStatus);
        }
        this.status = newStatus;
    }

    public void touch(long by, Instant at) {
        this.updatedBy = by;
        this.updatedOn = Objects.requireNonNull(at);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String status() {
        return status;
    }

    public boolean isSuspended() {
        return SUSPENDED.equals(status);
    }

    public String membershipType() {
        return membershipType;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdOn() {
        return createdOn;
    }

    public Long updatedBy() {
        return updatedBy;
    }

    public Instant updatedOn() {
        return updatedOn;
    }
}
