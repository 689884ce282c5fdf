package dev.pulse.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An account's membership of a group. Removal is soft: the row turns inactive and is never shown
 * again, and adding the account back reactivates the same row.
 */
@Entity
@Table(name = "study_group_member")
public class GroupMember {

    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    public static final Set<String> ROLES = Set.of(ADMIN, MEMBER);
    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    private StudyGroup group;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 10)
    private String role;

    @Column(nullable = false, length = 10)
    private String status;

    @Column(nullable = false)
    private boolean visited;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "created_on", nullable = false)
    private Instant createdOn;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_on")
    private Instant updatedOn;

    @Column(name = "removed_on")
    private Instant removedOn;

    protected GroupMember() {
    }

    public GroupMember(StudyGroup group, long accountId, String role, long addedBy, Instant addedOn) {
        this.group = Objects.requireNonNull(group, "group");
        this.accountId = accountId;
        this.role = checkedRole(role);
        this.status = ACTIVE;
        this.createdBy = addedBy;
        this.createdOn = Objects.requireNonNull(addedOn, "added on");
    }

    private static String checkedRole(String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("a member's role is admin or member, not " + role);
        }
        return role;
    }

    /** Back in the group after a removal, with a possibly different role; the visited flag starts over. */
    public void rejoin(String newRole, long by, Instant at) {
        this.role = checkedRole(newRole);
        this.status = ACTIVE;
        this.visited = false;
        this.removedOn = null;
        touch(by, at);
    }

    public void changeRole(String newRole, long by, Instant at) {
        this.role = checkedRole(newRole);
        touch(by, at);
    }

    public void remove(long by, Instant at) {
        this.status = INACTIVE;
        this.removedOn = at;
        touch(by, at);
    }

    private void touch(long by, Instant at) {
        this.updatedBy = by;
        this.updatedOn = Objects.requireNonNull(at);
    }

    public StudyGroup group() {
        return group;
    }

    public long accountId() {
        return accountId;
    }

    public String role() {
        return role;
    }

    public boolean isAdmin() {
        return ADMIN.equals(role);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public String status() {
        return status;
    }

    public boolean visited() {
        return visited;
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
