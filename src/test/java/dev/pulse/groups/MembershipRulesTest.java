package dev.pulse.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.groups.GroupActivityRules.ActivityPlan;
import dev.pulse.groups.GroupRequests.ActivityChanges;
import dev.pulse.groups.GroupRequests.ActivityEntry;
import dev.pulse.groups.GroupRequests.MemberChanges;
import dev.pulse.groups.GroupRequests.MemberEntry;
import dev.pulse.groups.GroupViews.ItemError;
import dev.pulse.groups.MembershipRules.MemberPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which member and activity changes apply, which come back as item errors, and the limits. */
class MembershipRulesTest {

    private static final long CREATOR = 1;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    private static final Function<String, Optional<Long>> ACCOUNTS =
            ref -> Optional.ofNullable(Map.of("u1", 1L, "u2", 2L, "u3", 3L, "u4", 4L, "u5", 5L).get(ref));

    private final StudyGroup group = new StudyGroup("Maths", null, null, CREATOR, CLOCK.instant());

    private GroupMember member(long account) {
        return new GroupMember(group, account, GroupMember.MEMBER, CREATOR, CLOCK.instant());
    }

    private static MemberEntry entry(String ref) {
        return new MemberEntry(ref, GroupMember.MEMBER);
    }

    private static List<String> codes(List<ItemError> errors) {
        return errors.stream().map(ItemError::errorCode).toList();
    }

    @Test
    void atCreationTheCreatorIsSkippedAndUnknownOrRepeatedUsersAreReported() {
        MemberPlan plan = MembershipRules.atCreation(CREATOR,
                List.of(entry("u1"), entry("u2"), entry("ghost"), entry("u2")), ACCOUNTS, 150);
        assertEquals(Map.of(2L, GroupMember.MEMBER), plan.adds());
        assertEquals(List.of(new ItemError("userId", "ghost", "MEMBER_NOT_FOUND", "no such user"),
                new ItemError("userId", "u2", "MEMBER_EXISTS", "listed twice")), plan.errors());
    }

    @Test
    void overTheMemberLimitAtCreationTheGroupHasItsCreatorOnly() {
        MemberPlan plan = MembershipRules.atCreation(CREATOR, List.of(entry("u2"), entry("u3"), entry("ghost")),
                ACCOUNTS, 3);
        assertTrue(plan.adds().isEmpty());
        assertEquals(List.of(new ItemError(null, null, "GS_CRT04", "Exceeded the member max size limit of 3")),
                plan.errors());
    }

    @Test
    void anUpdateAddsRejoinsEditsAndRemovesActiveMembersOnly() {
        GroupMember two = member(2);
        GroupMember three = member(3);
        GroupMember formerFour = member(4);
        formerFour.remove(CREATOR, CLOCK.instant());
        Map<Long, GroupMember> rows = new LinkedHashMap<>(Map.of(2L, two, 3L, three, 4L, formerFour));
        MemberPlan plan = MembershipRules.ofUpdate(new MemberChanges(
                        List.of(entry("u4"), entry("u2"), entry("ghost")),
                        List.of(new MemberEntry("u3", GroupMember.ADMIN), entry("u4")),
                        List.of("u2", "u2", "u5")),
                rows, ACCOUNTS, ACCOUNTS, 150);
        assertEquals(Map.of(4L, GroupMember.MEMBER), plan.adds(), "a former member may be added back");
        assertEquals(Map.of(three, GroupMember.ADMIN), plan.edits());
        assertEquals(Set.of(two), plan.removals());
        assertEquals(List.of("MEMBER_EXISTS", "MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND",
                "MEMBER_NOT_FOUND"), codes(plan.errors()));
    }

    @Test
    void anAccountTheCallerMayNotAddReadsExactlyAsAnUnknownOneButAMemberCanStillBeEditedOrRemoved() {
        Function<String, Optional<Long>> onlyFive = ref -> "u5".equals(ref) ? Optional.of(5L) : Optional.empty();
        Map<Long, GroupMember> rows = new LinkedHashMap<>(Map.of(2L, member(2), 3L, member(3)));
        MemberPlan plan = MembershipRules.ofUpdate(new MemberChanges(
                        List.of(entry("u4"), entry("ghost"), entry("u5")),
                        List.of(new MemberEntry("u3", GroupMember.ADMIN)), List.of("u2")),
                rows, onlyFive, ACCOUNTS, 150);
        assertEquals(Map.of(5L, GroupMember.MEMBER), plan.adds());
        assertEquals(List.of(new ItemError("userId", "u4", "MEMBER_NOT_FOUND", "no such user"),
                new ItemError("userId", "ghost", "MEMBER_NOT_FOUND", "no such user")), plan.errors());
        assertEquals(1, plan.edits().size());
        assertEquals(1, plan.removals().size());
        MemberPlan created = MembershipRules.atCreation(CREATOR, List.of(entry("u4"), entry("u5")), onlyFive, 150);
        assertEquals(Map.of(5L, GroupMember.MEMBER), created.adds());
        assertEquals(List.of(new ItemError("userId", "u4", "MEMBER_NOT_FOUND", "no such user")), created.errors());
    }

    @Test
    void overTheMemberLimitAnUpdateChangesNoMemberButReportsTheItemsAndTheLimit() {
        Map<Long, GroupMember> rows = Map.of(1L, member(1), 2L, member(2));
        MemberPlan plan = MembershipRules.ofUpdate(new MemberChanges(List.of(entry("u3"), entry("ghost")), null, null),
                rows, ACCOUNTS, ACCOUNTS, 2);
        assertTrue(plan.adds().isEmpty() && plan.edits().isEmpty() && plan.removals().isEmpty());
        assertEquals(List.of("MEMBER_NOT_FOUND", "GS_UDT05"), codes(plan.errors()));
        MemberPlan swap = MembershipRules.ofUpdate(new MemberChanges(List.of(entry("u3")), null, List.of("u2")),
                rows, ACCOUNTS, ACCOUNTS, 2);
        assertEquals(Map.of(3L, GroupMember.MEMBER), swap.adds(), "a removal makes room in the same update");
    }

    @Test
    void activitiesAreDistinctAndWithinTheirLimit() {
        ActivityPlan created = GroupActivityRules.atCreation(List.of(new ActivityEntry("do_1", "Course"),
                new ActivityEntry("do_1", "Course"), new ActivityEntry("do_2", "Course")), 20);
        assertEquals(List.of("do_1", "do_2"), List.copyOf(created.adds().keySet()));
        assertEquals(List.of("ACTIVITY_EXISTS"), codes(created.errors()));
        ActivityPlan tooMany = GroupActivityRules.atCreation(List.of(new ActivityEntry("do_1", "Course"),
                new ActivityEntry("do_2", "Course")), 1);
        assertEquals(List.of("GS_CRT05"), codes(tooMany.errors()));
        assertTrue(tooMany.adds().isEmpty());
    }

    @Test
    void anActivityRemovedAndAddedBackInOneUpdateIsReplaced() {
        GroupActivity course = new GroupActivity(group, "do_1", "Course", CREATOR, CLOCK.instant());
        ActivityPlan plan = GroupActivityRules.ofUpdate(new ActivityChanges(
                List.of(new ActivityEntry("do_1", "Course"), new ActivityEntry("do_2", "Course")),
                List.of("do_1", "do_9")), Map.of("do_1", course), 20);
        assertEquals(Set.of(course), plan.removals());
        assertEquals(List.of("do_2"), List.copyOf(plan.adds().keySet()));
        assertEquals(List.of("ACTIVITY_EXISTS", "ACTIVITY_NOT_FOUND"), codes(plan.errors()));
        ActivityPlan overLimit = GroupActivityRules.ofUpdate(new ActivityChanges(
                List.of(new ActivityEntry("do_2", "Course")), null), Map.of("do_1", course), 1);
        assertEquals(List.of("GS_UDT06"), codes(overLimit.errors()));
        assertTrue(overLimit.adds().isEmpty() && overLimit.removals().isEmpty());
    }
}
