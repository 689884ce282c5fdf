package dev.pulse.groups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the group service hands back: plain values, with accounts already named by their uuid. */
public final class GroupViews {

    private GroupViews() {
    }

    public record GroupView(UUID id, String name, String description, String status, String membershipType,
            Instant createdOn, UUID createdBy, Instant updatedOn, UUID updatedBy) {
    }

    public record ActivityView(String id, String type) {
    }

    public record MemberView(UUID userId, UUID groupId, String name, String role, String status, Instant createdOn,
            UUID createdBy, Instant updatedOn, UUID updatedBy) {
    }

    /** A read group: activities or members are null when not asked for. */
    public record GroupDetails(GroupView group, List<ActivityView> activities, List<MemberView> members) {
    }

    /** A group in a member's list, with its activities as the API's sample shows them. */
    public record ListedGroup(GroupView group, String memberRole, boolean visited, List<ActivityView> activities) {
    }

    /**
     * One item of a request that could not be applied: {@code subjectField} is "userId", "id" or
     * "groupId" (null for a whole-list failure such as a limit), {@code subject} the item it names.
     */
    public record ItemError(String subjectField, String subject, String errorCode, String errorMessage) {
    }

    /** Per-list item failures of a partially applied create or update; empty lists mean all applied. */
    public record ItemErrors(List<ItemError> members, List<ItemError> activities) {

        public boolean isEmpty() {
            return members.isEmpty() && activities.isEmpty();
        }
    }

    public record Created(UUID groupId, ItemErrors errors) {
    }
}
