package dev.pulse.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.groups.GroupRequests.ActivityChanges;
import dev.pulse.groups.GroupRequests.ActivityEntry;
import dev.pulse.groups.GroupRequests.AggregateRequest;
import dev.pulse.groups.GroupRequests.CreateGroup;
import dev.pulse.groups.GroupRequests.ListFilters;
import dev.pulse.groups.GroupRequests.ListRequest;
import dev.pulse.groups.GroupRequests.MemberChanges;
import dev.pulse.groups.GroupRequests.MemberEntry;
import dev.pulse.groups.GroupRequests.UpdateGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRequestsTest {

    @Test
    void aCreateNeedsANonBlankName() {
        assertEquals(List.of("request is missing"), GroupRequests.problemsOf((CreateGroup) null));
        assertEquals(List.of("name is mandatory"), GroupRequests.problemsOf(new CreateGroup(" ", null, null, null, null)));
        assertTrue(GroupRequests.problemsOf(new CreateGroup("Maths", null, null, null, null)).isEmpty());
        assertEquals(1, GroupRequests.problemsOf(new CreateGroup("x".repeat(201), null, null, null, null)).size());
    }

    @Test
    void membersNeedAUserIdAndARoleOfAdminOrMember() {
        List<String> problems = GroupRequests.problemsOf(new CreateGroup("Maths", null, null,
                List.of(new MemberEntry(null, "member"), new MemberEntry("u1", "owner"), new MemberEntry("u2", null),
                        new MemberEntry("u3", "admin")), null));
        assertEquals(List.of("members[0].userId is mandatory", "members[1].role must be admin or member",
                "members[2].role must be admin or member"), problems);
    }

    @Test
    void unknownEnumValuesAreNamed() {
        assertEquals(List.of("membershipType must be one of invite_only, moderated"),
                GroupRequests.problemsOf(new CreateGroup("Maths", null, "open", null, null)));
        assertEquals(List.of("status must be one of active, suspended, inactive"),
                GroupRequests.problemsOf(new UpdateGroup("g", null, null, "asleep", null, null, null)));
    }

    @Test
    void anUpdateNeedsAGroupIdAndSomethingToChange() {
        assertEquals(List.of("groupId is mandatory"),
                GroupRequests.problemsOf(new UpdateGroup(null, "n", null, null, null, null, null)));
        assertEquals(List.of("nothing to update"),
                GroupRequests.problemsOf(new UpdateGroup("g", null, null, null, null,
                        new MemberChanges(List.of(), null, null), new ActivityChanges(null, null))));
        assertEquals(List.of("activities.add[0].type is mandatory (at most 100 characters)", "members.remove[0] must be a non-blank id"),
                GroupRequests.problemsOf(new UpdateGroup("g", null, null, null, null,
                        new MemberChanges(null, null, List.of(" ")),
                        new ActivityChanges(List.of(new ActivityEntry("do_1", "")), null))).stream().sorted().toList());
    }

    @Test
    void theListFilterTakesFiltersFirstThenABareUserId() {
        assertEquals("a", new ListRequest(new ListFilters("a"), "b").user());
        assertEquals("b", new ListRequest(null, "b").user());
        assertEquals("b", new ListRequest(new ListFilters(null), "b").user());
    }

    @Test
    void theAggregateNeedsAllThreeFields() {
        assertEquals(List.of("groupId is mandatory", "activityId is mandatory", "activityType is mandatory"),
                GroupRequests.problemsOf(new AggregateRequest(null, " ", null)));
        assertTrue(GroupRequests.problemsOf(new AggregateRequest("g", "a", "Course")).isEmpty());
    }
}
