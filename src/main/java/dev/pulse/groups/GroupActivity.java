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

/** Something a group follows together, e.g. a course; its id names the content in other systems. */
@Entity
@Table(name = "study_group_activity")
public class GroupActivity {

    public static final int MAX_ID = 200;
    public static final int MAX_TYPE = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    private StudyGroup group;

    @Column(name = "activity_id", nullable = false, length = 200)
    private String activityId;

    @Column(name = "activity_type", nullable = false, length = 100)
    private String activityType;

    @Column(name = "added_by", nullable = false)
    private Long addedBy;

    @Column(name = "added_on", nullable = false)
    private Instant addedOn;

    protected GroupActivity() {
    }

    public GroupActivity(StudyGroup group, String activityId, String activityType, long addedBy, Instant addedOn) {
        if (activityId == null || activityId.isBlank() || activityId.length() > MAX_ID) {
            throw new IllegalArgumentException("an activity id has 1 to " + MAX_ID + " characters");
        }
        if (activityType == null || activityType.isBlank() || activityType.length() > MAX_TYPE) {
            throw new IllegalArgumentException("an activity type has 1 to " + MAX_TYPE + " characters");
        }
        this.group = Objects.requireNonNull(group, "group");
        this.activityId = activityId;
        this.activityType = activityType;
        this.addedBy = addedBy;
        this.addedOn = Objects.requireNonNull(addedOn, "added on");
    }

    public String activityId() {
        return activityId;
    }

    public String activityType() {
        return activityType;
    }
}
