package dev.pulse.groups;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.groups.GroupRequests.ActivityChanges;
import dev.pulse.groups.GroupRequests.ActivityEntry;
import dev.pulse.groups.GroupRequests.MemberChanges;
import dev.pulse.groups.GroupRequests.MemberEntry;
import dev.pulse.groups.GroupRequests.UpdateGroup;
import dev.pulse.platform.api.ApiError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Who may read, update, delete and leave a group. */
class GroupPermissionsTest {

    private static final long CREATOR = 1;
    private static final long ADMIN = 2;
    private static final long MEMBER = 3;
    private static final long OUTSIDER = 4;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    private static final Function<String, Optional<Long>> ACCOUNTS =
            ref -> Optional.ofNullable(Map.of("u1", CREATOR, "u2", ADMIN, "u3", MEMBER, "u4", OUTSIDER).get(ref));

    private final StudyGroup group = new StudyGroup("Maths", null, null, CREATOR, CLOCK.instant());

    private Optional<GroupMember> as(long account, String role) {
        return Optional.of(new GroupMember(group, account, role, CREATOR, CLOCK.instant()));
    }

    private static UpdateGroup rename(String name) {
        return new UpdateGroup("g", name, null, null, null, null, null);
    }

    private static UpdateGroup status(String status) {
        return new UpdateGroup("g", null, null, status, null, null, null);
    }

    private static UpdateGroup removing(String ref) {
        return new UpdateGroup("g", null, null, null, null, new MemberChanges(null, null, List.of(ref)), null);
    }

    private static UpdateGroup addingActivity() {
        return new UpdateGroup("g", null, null, null, null, null,
                new ActivityChanges(List.of(new ActivityEntry("do_1", "Course")), null));
    }

    private static ApiError refused(Runnable check) {
        return assertThrows(ApiError.class, check::run);
    }

    @Test
    void membersAndPlatformAdminsMayReadAGroupOutsidersMayNot() {
        assertTrue(GroupPermissions.mayRead(as(MEMBER, GroupMember.MEMBER), false));
        assertTrue(GroupPermissions.mayRead(Optional.empty(), true));
        assertFalse(GroupPermissions.mayRead(Optional.empty(), false));
    }

    @Test
    void oneListsOnesOwnGroupsUnlessPlatformAdmin() {
        assertTrue(GroupPermissions.mayList(true, false));
        assertTrue(GroupPermissions.mayList(false, true));
        assertFalse(GroupPermissions.mayList(false, false));
    }

    @Test
    void onlyTheCreatorMayDeleteEvenAnotherAdminMayNot() {
        assertTrue(GroupPermissions.mayDelete(group, CREATOR));
        assertFalse(GroupPermissions.mayDelete(group, ADMIN));
        ApiError byAdmin = refused(() -> GroupPermissions.checkUpdate(group, as(ADMIN, GroupMember.ADMIN),
                status(StudyGroup.INACTIVE), ADMIN));
        assertEquals(401, byAdmin.status());
        assertEquals("GS_UDT09", byAdmin.slug());
        assertDoesNotThrow(() -> GroupPermissions.checkUpdate(group, as(CREATOR, GroupMember.ADMIN),
                status(StudyGroup.INACTIVE), CREATOR));
    }

    @Test
    void detailsStatusAndMembersNeedAdminRights() {
        Optional<GroupMember> member = as(MEMBER, GroupMember.MEMBER);
        assertEquals("GS_UDT09", refused(() -> GroupPermissions.checkUpdate(group, member, rename("mine"), MEMBER)).slug());
        assertEquals("GS_UDT09", refused(() -> GroupPermissions.checkUpdate(group, member,
                status(StudyGroup.SUSPENDED), MEMBER)).slug());
        UpdateGroup addMember = new UpdateGroup("g", null, null, null, null,
                new MemberChanges(List.of(new MemberEntry("u4", "member")), null, null), null);
        assertEquals("GS_UDT09", refused(() -> GroupPermissions.checkUpdate(group, member, addMember, MEMBER)).slug());
        assertDoesNotThrow(() -> GroupPermissions.checkUpdate(group, as(ADMIN, GroupMember.ADMIN), rename("ours"), ADMIN));
    }

    @Test
    void aMemberMayChangeTheActivitiesAnOutsiderNothing() {
        assertDoesNotThrow(() -> GroupPermissions.checkUpdate(group, as(MEMBER, GroupMember.MEMBER), addingActivity(),
                MEMBER));
        ApiError outsider = refused(() -> GroupPermissions.checkUpdate(group, Optional.empty(), addingActivity(),
                OUTSIDER));
        assertEquals("you are not a member of group " + group.id(), outsider.getMessage());
    }

    @Test
    void aSuspendedGroupTakesOnlyReactivationOrDeletion() {
        group.changeStatus(StudyGroup.SUSPENDED);
        Optional<GroupMember> admin = as(CREATOR, GroupMember.ADMIN);
        ApiError renamed = refused(() -> GroupPermissions.checkUpdate(group, admin, rename("still here"), CREATOR));
        assertEquals(400, renamed.status());
        assertEquals("GS_UDT08", renamed.slug());
        assertEquals("GS_UDT08", refused(() -> GroupPermissions.checkUpdate(group, admin,
                status(StudyGroup.SUSPENDED), CREATOR)).slug());
        assertDoesNotThrow(() -> GroupPermissions.checkUpdate(group, admin, status(StudyGroup.ACTIVE), CREATOR));
        assertDoesNotThrow(() -> GroupPermissions.checkUpdate(group, admin, status(StudyGroup.INACTIVE), CREATOR));
    }

    @Test
    void removingOnlyOneselfIsLeavingAndNeedsNoRights() {
        assertTrue(GroupPermissions.isLeaving(removing("u3"), MEMBER, ACCOUNTS));
        assertFalse(GroupPermissions.isLeaving(removing("u4"), MEMBER, ACCOUNTS), "removing someone else");
        assertFalse(GroupPermissions.isLeaving(removing("nobody"), MEMBER, ACCOUNTS));
        UpdateGroup leavingAndRenaming = new UpdateGroup("g", "x", null, null, null,
                new MemberChanges(null, null, List.of("u3")), null);
        assertFalse(GroupPermissions.isLeaving(leavingAndRenaming, MEMBER, ACCOUNTS));
        assertFalse(GroupPermissions.isLeaving(rename("x"), MEMBER, ACCOUNTS));
    }
}
