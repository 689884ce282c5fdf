package dev.pulse.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The request bodies of the group API, each wrapped in Sunbird's {@code {"request":{…}}}, and the
 * checks that make a request well-formed. A malformed request is refused whole (400) before anything
 * is applied; what is well-formed but cannot be applied item by item comes back in {@code result.error}.
 */
public final class GroupRequests {

    private GroupRequests() {
    }

    public record MemberEntry(String userId, String role) {
    }

    public record ActivityEntry(String id, String type) {
    }

    public record CreateBody(CreateGroup request) {
    }

    public record CreateGroup(String name, String description, String membershipType, List<MemberEntry> members,
            List<ActivityEntry> activities) {
    }

    public record UpdateBody(UpdateGroup request) {
    }

    public record UpdateGroup(String groupId, String name, String description, String status, String membershipType,
            MemberChanges members, ActivityChanges activities) {

        boolean changesGroupFields() {
            return name != null || description != null || status != null || membershipType != null;
        }

        boolean changesMembers() {
            return members != null && !members.isEmpty();
        }

        boolean changesActivities() {
            return activities != null && !activities.isEmpty();
        }
    }

    public record MemberChanges(List<MemberEntry> add, List<MemberEntry> edit, List<String> remove) {

        public List<MemberEntry> toAdd() {
            return add == null ? List.of() : add;
        }

        public List<MemberEntry> toEdit() {
            return edit == null ? List.of() : edit;
        }

        public List<String> toRemove() {
            return remove == null ? List.of() : remove;
        }

        boolean isEmpty() {
            return toAdd().isEmpty() && toEdit().isEmpty() && toRemove().isEmpty();
        }
    }

    public record ActivityChanges(List<ActivityEntry> add, List<String> remove) {

        public List<ActivityEntry> toAdd() {
            return add == null ? List.of() : add;
        }

        public List<String> toRemove() {
            return remove == null ? List.of() : remove;
        }

        boolean isEmpty() {
            return toAdd().isEmpty() && toRemove().isEmpty();
        }
    }

    public record GroupIdBody(GroupId request) {
    }

    public record GroupId(String groupId) {
    }

    /** The list filter: Sunbird's {@code filters.userId}, or a bare {@code userId} as older clients send it. */
    public record ListBody(ListRequest request) {
    }

    public record ListRequest(ListFilters filters, String userId) {

        String user() {
            if (filters != null && filters.userId() != null) {
                return filters.userId();
            }
            return userId;
        }
    }

    public record ListFilters(String userId) {
    }

    public record MembershipBody(MembershipRequest request) {
    }

    public record MembershipRequest(String userId, List<Visit> groups) {
    }

    public record Visit(String groupId, Boolean visited) {
    }

    public record AggregateBody(AggregateRequest request) {
    }

    public record AggregateRequest(String groupId, String activityId, String activityType) {
    }

    // ---- well-formedness: each returns every problem found, empty when the request is fine ----

    static List<String> problemsOf(CreateGroup r) {
        List<String> problems = new ArrayList<>();
        if (r == null) {
            return List.of("request is missing");
        }
        if (blank(r.name())) {
            problems.add("name is mandatory");
        } else if (r.name().trim().length() > StudyGroup.MAX_NAME) {
            problems.add("name has at most " + StudyGroup.MAX_NAME + " characters");
        }
        description(r.description(), problems);
        membershipType(r.membershipType(), problems);
        members("members", r.members(), problems);
        activities("activities", r.activities(), problems);
        return problems;
    }

    static List<String> problemsOf(UpdateGroup r) {
        List<String> problems = new ArrayList<>();
        if (r == null) {
            return List.of("request is missing");
        }
        if (blank(r.groupId())) {
            problems.add("groupId is mandatory");
        }
        if (r.name() != null && (r.name().isBlank() || r.name().trim().length() > StudyGroup.MAX_NAME)) {
            problems.add("name, when given, has 1 to " + StudyGroup.MAX_NAME + " characters");
        }
        description(r.description(), problems);
        membershipType(r.membershipType(), problems);
        if (r.status() != null && !StudyGroup.STATUSES.contains(r.status())) {
            problems.add("status must be one of active, suspended, inactive");
        }
        if (r.members() != null) {
            members("members.add", r.members().add(), problems);
            members("members.edit", r.members().edit(), problems);
            ids("members.remove", r.members().remove(), problems);
        }
        if (r.activities() != null) {
            activities("activities.add", r.activities().add(), problems);
            ids("activities.remove", r.activities().remove(), problems);
        }
        if (!blank(r.groupId()) && !r.changesGroupFields() && !r.changesMembers() && !r.changesActivities()) {
            problems.add("nothing to update");
        }
        return problems;
    }

    static List<String> problemsOf(AggregateRequest r) {
        if (r == null) {
            return List.of("request is missing");
        }
        List<String> problems = new ArrayList<>();
        if (blank(r.groupId())) {
            problems.add("groupId is mandatory");
        }
        if (blank(r.activityId())) {
            problems.add("activityId is mandatory");
        }
        if (blank(r.activityType())) {
            problems.add("activityType is mandatory");
        }
        return problems;
    }

    static List<String> problemsOf(MembershipRequest r) {
        if (r == null) {
            return List.of("request is missing");
        }
        List<String> problems = new ArrayList<>();
        if (blank(r.userId())) {
            problems.add("userId is mandatory");
        }
        if (r.groups() == null || r.groups().isEmpty()) {
            problems.add("groups is mandatory");
        } else {
            for (int i = 0; i < r.groups().size(); i++) {
                Visit v = r.groups().get(i);
                if (v == null || blank(v.groupId())) {
                    problems.add("groups[" + i + "].groupId is mandatory");
                } else if (v.visited() == null) {
                    problems.add("groups[" + i + "].visited is mandatory");
                }
            }
        }
        return problems;
    }

    private static void description(String description, List<String> problems) {
        if (description != null && description.length() > StudyGroup.MAX_DESCRIPTION) {
            problems.add("description has at most " + StudyGroup.MAX_DESCRIPTION + " characters");
        }
    }

    private static void membershipType(String type, List<String> problems) {
        if (type != null && !StudyGroup.MEMBERSHIP_TYPES.contains(type)) {
            problems.add("membershipType must be one of invite_only, moderated");
        }
    }

    private static void members(String field, List<MemberEntry> entries, List<String> problems) {
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            MemberEntry m = entries.get(i);
            if (m == null || blank(m.userId())) {
                problems.add(field + "[" + i + "].userId is mandatory");
            } else if (!GroupMember.ROLES.contains(Objects.requireNonNullElse(m.role(), ""))) {
                problems.add(field + "[" + i + "].role must be admin or member");
            }
        }
    }

    private static void activities(String field, List<ActivityEntry> entries, List<String> problems) {
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            ActivityEntry a = entries.get(i);
            if (a == null || blank(a.id()) || a.id().length() > GroupActivity.MAX_ID) {
                problems.add(field + "[" + i + "].id is mandatory (at most " + GroupActivity.MAX_ID + " characters)");
            } else if (blank(a.type()) || a.type().length() > GroupActivity.MAX_TYPE) {
                problems.add(field + "[" + i + "].type is mandatory (at most " + GroupActivity.MAX_TYPE + " characters)");
            }
        }
    }

    private static void ids(String field, List<String> ids, List<String> problems) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (blank(ids.get(i))) {
                problems.add(field + "[" + i + "] must be a non-blank id");
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
