package dev.pulse.groups;

import dev.pulse.groups.GroupActivityRules.ActivityPlan;
import dev.pulse.groups.GroupRequests.ActivityChanges;
import dev.pulse.groups.GroupRequests.CreateGroup;
import dev.pulse.groups.GroupRequests.MemberChanges;
import dev.pulse.groups.GroupRequests.MemberEntry;
import dev.pulse.groups.GroupRequests.MembershipRequest;
import dev.pulse.groups.GroupRequests.UpdateGroup;
import dev.pulse.groups.GroupRequests.Visit;
import dev.pulse.groups.GroupViews.ActivityView;
import dev.pulse.groups.GroupViews.Created;
import dev.pulse.groups.GroupViews.GroupDetails;
import dev.pulse.groups.GroupViews.ItemError;
import dev.pulse.groups.GroupViews.ItemErrors;
import dev.pulse.groups.GroupViews.ListedGroup;
import dev.pulse.groups.GroupViews.MemberView;
import dev.pulse.groups.MembershipRules.MemberPlan;
import dev.pulse.identity.Account;
import dev.pulse.identity.AccountStates;
import dev.pulse.identity.Accounts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.UrnUuid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The study group operations, each one transaction: checks the request, asks
 * {@link GroupPermissions} whether the caller may, plans member and activity changes with
 * {@link MembershipRules} and {@link GroupActivityRules}, and applies them through {@link GroupStore}.
 * Every change to a group first locks its row, so concurrent updates (two admins adding members at
 * once) are serialised and the limits are checked against what is really there; a creator's group
 * count is serialised by an advisory lock on that account.
 */
@ApplicationScoped
@Transactional
public class Groups {

    static final String GROUP_NOT_FOUND = "GROUP_NOT_FOUND";
    static final String GROUP_NOT_ACTIVE = "GROUP_NOT_ACTIVE";

    @Inject
    GroupStore store;

    @Inject
    Accounts accounts;

    @Inject
    AccountStates states;

    @Inject
    GroupLimits limits;

    @Inject
    Clock clock;

    /** {@code platformAdmin}: the creator may add any active account, not only those it shares an academy or cohort with. */
    public Created create(long creatorId, boolean platformAdmin, CreateGroup request) {
        List<String> problems = GroupRequests.problemsOf(request);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("GS_CRT02", String.join("; ", problems));
        }
        store.lockGroupCountOf(creatorId);
        if (store.createdGroupCountOf(creatorId) >= limits.groupsPerUser()) {
            throw ApiError.badRequest("GS_CRT03", "exceeded number of permissible groups ("
                    + limits.groupsPerUser() + ")");
        }
        Instant now = clock.instant();
        StudyGroup group = new StudyGroup(request.name(), request.description(), request.membershipType(), creatorId, now);
        store.add(group);
        store.add(new GroupMember(group, creatorId, GroupMember.ADMIN, creatorId, now));
        MemberPlan members = MembershipRules.atCreation(creatorId, request.members(),
                addableBy(creatorId, platformAdmin, request.members()), limits.membersPerGroup());
        members.adds().forEach((account, role) -> store.add(new GroupMember(group, account, role, creatorId, now)));
        ActivityPlan activities = GroupActivityRules.atCreation(request.activities(), limits.activitiesPerGroup());
        activities.adds().forEach((id, type) -> store.add(new GroupActivity(group, id, type, creatorId, now)));
        store.flush();
        return new Created(group.id(), new ItemErrors(members.errors(), activities.errors()));
    }

    /** Applies what can be applied; returns the per-item failures. */
    public ItemErrors update(long callerId, boolean platformAdmin, UpdateGroup request) {
        List<String> problems = GroupRequests.problemsOf(request);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("GS_UDT02", String.join("; ", problems));
        }
        StudyGroup group = store.findForUpdate(request.groupId())
                .orElseThrow(() -> ApiError.notFound("GS_UDT07", "group " + request.groupId() + " does not exist"));
        if (!GroupPermissions.isLeaving(request, callerId, this::activeAccountId)) {
            GroupPermissions.checkUpdate(group, store.activeMember(group, callerId), request, callerId);
        }
        if (StudyGroup.INACTIVE.equals(request.status())) {
            store.delete(group); // Sunbird's backward-compatible delete; nothing else of the request matters
            return new ItemErrors(List.of(), List.of());
        }
        Instant now = clock.instant();
        List<ItemError> memberErrors = request.changesMembers()
                ? changeMembers(group, request.members(), callerId, platformAdmin, now) : List.of();
        List<ItemError> activityErrors = request.changesActivities()
                ? changeActivities(group, request.activities(), callerId, now) : List.of();
        if (request.name() != null) {
            group.rename(request.name());
        }
        if (request.description() != null) {
            group.describe(request.description());
        }
        if (request.membershipType() != null) {
            group.changeMembershipType(request.membershipType());
        }
        if (request.status() != null) {
            group.changeStatus(request.status());
        }
        group.touch(callerId, now);
        store.flush();
        return new ItemErrors(memberErrors, activityErrors);
    }

    private List<ItemError> changeMembers(StudyGroup group, MemberChanges changes, long by, boolean platformAdmin,
            Instant now) {
        Map<Long, GroupMember> rows = store.membersByAccount(group);
        MemberPlan plan = MembershipRules.ofUpdate(changes, rows, addableBy(by, platformAdmin, changes.toAdd()),
                this::activeAccountId, limits.membersPerGroup());
        plan.adds().forEach((accountId, role) -> {
            GroupMember former = rows.get(accountId);
            if (former != null) {
                former.rejoin(role, by, now);
            } else {
                store.add(new GroupMember(group, accountId, role, by, now));
            }
        });
        plan.edits().forEach((member, role) -> member.changeRole(role, by, now));
        plan.removals().forEach(member -> member.remove(by, now));
        return plan.errors();
    }

    private List<ItemError> changeActivities(StudyGroup group, ActivityChanges changes, long by, Instant now) {
        ActivityPlan plan = GroupActivityRules.ofUpdate(changes, activitiesById(group), limits.activitiesPerGroup());
        store.removeActivities(plan.removals());
        plan.adds().forEach((id, type) -> store.add(new GroupActivity(group, id, type, by, now)));
        return plan.errors();
    }

    private Map<String, GroupActivity> activitiesById(StudyGroup group) {
        Map<String, GroupActivity> present = new LinkedHashMap<>();
        store.activitiesOf(group).forEach(a -> present.put(a.activityId(), a));
        return present;
    }

    public GroupDetails read(long callerId, boolean platformAdmin, String groupId, boolean withActivities,
            boolean withMembers) {
        StudyGroup group = store.find(groupId)
                .orElseThrow(() -> ApiError.notFound("GS_RED07", "group " + groupId + " does not exist"));
        if (!GroupPermissions.mayRead(store.activeMember(group, callerId), platformAdmin)) {
            throw new ApiError(401, "GS_RED08", "only the group's members may read group " + groupId);
        }
        GroupViewer viewer = new GroupViewer(states);
        List<ActivityView> activities = withActivities
                ? store.activitiesOf(group).stream().map(a -> new ActivityView(a.activityId(), a.activityType())).toList()
                : null;
        List<MemberView> members = withMembers ? store.activeMembers(group).stream().map(viewer::member).toList() : null;
        return new GroupDetails(viewer.group(group), activities, members);
    }

    /** The groups an account is an active member of: those it administers first, then newest first. */
    public List<ListedGroup> list(long callerId, boolean platformAdmin, String userRef) {
        Optional<Account> user = accountNamed(userRef);
        if (!GroupPermissions.mayList(user.map(a -> a.id() == callerId).orElse(false), platformAdmin)) {
            throw new ApiError(401, "GS_LST03", "you may list only your own groups");
        }
        if (user.isEmpty()) {
            return List.of();
        }
        GroupViewer viewer = new GroupViewer(states);
        List<GroupMember> memberships = store.activeMembershipsOf(user.get().id());
        Map<UUID, List<ActivityView>> activities = store.activitiesOf(
                memberships.stream().map(m -> m.group().id()).toList());
        return memberships.stream()
                .sorted(Comparator.comparing((GroupMember m) -> m.isAdmin() ? 0 : 1)
                        .thenComparing(m -> m.group().createdOn(), Comparator.reverseOrder()))
                .map(m -> new ListedGroup(viewer.group(m.group()), m.role(), m.visited(),
                        activities.getOrDefault(m.group().id(), List.of())))
                .toList();
    }

    public void delete(long callerId, String groupId) {
        StudyGroup group = store.findForUpdate(groupId)
                .orElseThrow(() -> ApiError.notFound("GS_DLT07", "group " + groupId + " does not exist"));
        if (!GroupPermissions.mayDelete(group, callerId)) {
            throw new ApiError(401, "GS_DLT10", "only the group's creator may delete it");
        }
        store.delete(group);
    }

    /** Sets the caller's own "visited" flag on each group; returns the groups it could not be set on. */
    public List<ItemError> updateMembership(long callerId, MembershipRequest request) {
        List<String> problems = GroupRequests.problemsOf(request);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("GS_MBR02", String.join("; ", problems));
        }
        boolean self = accountNamed(request.userId()).map(a -> a.id() == callerId).orElse(false);
        if (!self) {
            throw new ApiError(401, "GS_MBR03", "you may update only your own membership");
        }
        List<ItemError> errors = new ArrayList<>();
        for (Visit visit : request.groups()) {
            Optional<StudyGroup> group = store.find(visit.groupId());
            Optional<GroupMember> member = group.flatMap(g -> store.activeMember(g, callerId));
            if (member.isEmpty()) {
                errors.add(new ItemError("groupId", visit.groupId(),
                        group.isEmpty() ? GROUP_NOT_FOUND : MembershipRules.MEMBER_NOT_FOUND,
                        group.isEmpty() ? "no such group" : "you are not a member of this group"));
            } else if (group.get().isSuspended()) {
                errors.add(new ItemError("groupId", visit.groupId(), GROUP_NOT_ACTIVE, "the group is suspended"));
            } else {
                store.setVisited(group.get(), callerId, visit.visited());
            }
        }
        return errors;
    }

    /** An account named in a Sunbird body: by its uuid (bare or urn:uuid:), never by numeric id or email. */
    private Optional<Account> accountNamed(String reference) {
        return UrnUuid.uuidOf(reference).flatMap(uuid -> accounts.resolve(uuid.toString()));
    }

    private Optional<Long> activeAccountId(String reference) {
        return accountNamed(reference).filter(Account::isActive).map(Account::id);
    }

    /**
     * Which of the accounts named in {@code entries} the adder may add ({@link GroupStore#addableAccounts}),
     * looked up together: a reference to its account id, empty for every other reference.
     */
    private Function<String, Optional<Long>> addableBy(long adderId, boolean platformAdmin, List<MemberEntry> entries) {
        Set<UUID> named = new HashSet<>();
        (entries == null ? List.<MemberEntry>of() : entries)
                .forEach(e -> UrnUuid.uuidOf(e.userId()).ifPresent(named::add));
        Map<UUID, Long> addable = store.addableAccounts(adderId, platformAdmin, named);
        return reference -> UrnUuid.uuidOf(reference).map(addable::get);
    }
}
