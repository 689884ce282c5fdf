package dev.pulse.groups;

import dev.pulse.groups.GroupRequests.MemberChanges;
import dev.pulse.groups.GroupRequests.UpdateGroup;
import dev.pulse.platform.api.ApiError;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may do what to a group, from facts already loaded: the group, the caller's active membership
 * (if any) and whether the caller is a platform administrator. No database access.
 */
final class GroupPermissions {

    private GroupPermissions() {
    }

    /** A group and its activity aggregate are read by its members and by platform administrators. */
    static boolean mayRead(Optional<GroupMember> membership, boolean platformAdmin) {
        return platformAdmin || membership.isPresent();
    }

    /** One's own groups, or anyone's for a platform administrator. */
    static boolean mayList(boolean ownGroups, boolean platformAdmin) {
        return ownGroups || platformAdmin;
    }

    /** Only the group's creator deletes it, whatever the roles. */
    static boolean mayDelete(StudyGroup group, long callerId) {
        return group.createdBy() == callerId;
    }

    /**
     * Leaving: the update only removes the caller from the members, nothing else. Anyone may leave,
     * even a suspended group. {@code activeAccount} turns a user reference into an active account id.
     */
    static boolean isLeaving(UpdateGroup request, long callerId, Function<String, Optional<Long>> activeAccount) {
        if (request.changesGroupFields() || request.changesActivities() || request.members() == null) {
            return false;
        }
        MemberChanges m = request.members();
        return m.toAdd().isEmpty() && m.toEdit().isEmpty() && m.toRemove().size() == 1
                && activeAccount.apply(m.toRemove().get(0)).map(id -> id == callerId).orElse(false);
    }

    /**
     * Refuses an update (other than leaving) that the caller may not make: a suspended group only
     * takes reactivation or deletion; members change activities; admins change everything else;
     * only the creator deletes.
     */
    static void checkUpdate(StudyGroup group, Optional<GroupMember> membership, UpdateGroup request, long callerId) {
        if (group.isSuspended() && (request.status() == null || StudyGroup.SUSPENDED.equals(request.status()))) {
            throw ApiError.badRequest("GS_UDT08", "group " + group.id()
                    + " is suspended: only a member leaving, reactivation or deletion is allowed");
        }
        if (membership.isEmpty()) {
            throw adminRights("you are not a member of group " + group.id());
        }
        if (StudyGroup.INACTIVE.equals(request.status()) && !mayDelete(group, callerId)) {
            throw adminRights("only the group's creator may delete it");
        }
        boolean adminOnly = request.changesGroupFields() || request.changesMembers();
        if (adminOnly && !membership.get().isAdmin()) {
            throw adminRights("changing the group's details, status or members needs admin rights in the group");
        }
    }

    private static ApiError adminRights(String message) {
        return new ApiError(401, "GS_UDT09", message);
    }
}
