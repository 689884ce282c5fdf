package dev.pulse.groups;

import dev.pulse.groups.GroupRequests.ActivityEntry;
import dev.pulse.groups.GroupRequests.CreateGroup;
import dev.pulse.groups.GroupRequests.MemberChanges;
import dev.pulse.groups.GroupRequests.MemberEntry;
import dev.pulse.groups.GroupRequests.MembershipRequest;
import dev.pulse.groups.GroupRequests.UpdateGroup;
import dev.pulse.groups.GroupRequests.Visit;
import dev.pulse.groups.GroupViews.ActivityView;
import dev.pulse.groups.GroupViews.Created;
import dev.pulse.groups.GroupViews.GroupDetails;
import dev.pulse.groups.GroupViews.GroupView;
import dev.pulse.groups.GroupViews.ItemError;
import dev.pulse.groups.GroupViews.ItemErrors;
import dev.pulse.groups.GroupViews.ListedGroup;
import dev.pulse.groups.GroupViews.MemberView;
import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of study groups. Every change to a group first locks its row, so concurrent updates
 * (two admins adding members at once) are serialised and the limits are checked against what is
 * really there; a creator's group count is serialised by an advisory lock on that account.
 */
@ApplicationScoped
@Transactional
public class Groups {

    /** Namespace of this feature's advisory locks (pg_advisory_xact_lock(int, int)). */
    private static final int GROUP_COUNT_LOCK = 0x67727073;

    static final String MEMBER_EXISTS = "MEMBER_EXISTS";
    static final String MEMBER_NOT_FOUND = "MEMBER_NOT_FOUND";
    static final String ACTIVITY_EXISTS = "ACTIVITY_EXISTS";
    static final String ACTIVITY_NOT_FOUND = "ACTIVITY_NOT_FOUND";
    static final String GROUP_NOT_FOUND = "GROUP_NOT_FOUND";
    static final String GROUP_NOT_ACTIVE = "GROUP_NOT_ACTIVE";

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    GroupLimits limits;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- create

    public Created create(long creatorId, CreateGroup request) {
        List<String> problems = GroupRequests.problemsOf(request);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("GS_CRT02", String.join("; ", problems));
        }
        lockGroupCountOf(creatorId);
        long groupsOfCreator = em.createQuery("""
                select count(m) from GroupMember m where m.accountId = :account and m.status = 'active'""", Long.class)
                .setParameter("account", creatorId).getSingleResult();
        if (groupsOfCreator >= limits.groupsPerUser()) {
            throw ApiError.badRequest("GS_CRT03", "exceeded number of permissible groups ("
                    + limits.groupsPerUser() + ")");
        }
        Instant now = clock.instant();
        StudyGroup group = new StudyGroup(request.name(), request.description(), request.membershipType(), creatorId, now);
        em.persist(group);
        em.persist(new GroupMember(group, creatorId, GroupMember.ADMIN, creatorId, now));

        List<ItemError> memberErrors = new ArrayList<>();
        List<MemberEntry> requested = request.members() == null ? List.of() : request.members();
        Map<Long, String> toAdd = new LinkedHashMap<>();
        List<MemberEntry> others = new ArrayList<>();
        for (MemberEntry entry : requested) {
            Optional<Account> account = activeAccount(entry.userId());
            if (account.isPresent() && account.get().id() == creatorId) {
                continue; // the creator is already in, as admin
            }
            others.add(entry);
            if (account.isEmpty()) {
                memberErrors.add(memberError(entry.userId(), MEMBER_NOT_FOUND, "no such user"));
            } else if (toAdd.containsKey(account.get().id())) {
                memberErrors.add(memberError(entry.userId(), MEMBER_EXISTS, "listed twice"));
            } else {
                toAdd.put(account.get().id(), entry.role());
            }
        }
        if (1 + others.size() > limits.membersPerGroup()) {
            // as in Sunbird: over the limit, the group is created with its creator only
            memberErrors.clear();
            memberErrors.add(new ItemError(null, null, "GS_CRT04",
                    "Exceeded the member max size limit of " + limits.membersPerGroup()));
        } else {
            toAdd.forEach((account, role) -> em.persist(new GroupMember(group, account, role, creatorId, now)));
        }

        List<ItemError> activityErrors = new ArrayList<>();
        List<ActivityEntry> activities = request.activities() == null ? List.of() : request.activities();
        Map<String, String> distinct = new LinkedHashMap<>();
        for (ActivityEntry a : activities) {
            if (distinct.putIfAbsent(a.id(), a.type()) != null) {
                activityErrors.add(activityError(a.id(), ACTIVITY_EXISTS, "listed twice"));
            }
        }
        if (distinct.size() > limits.activitiesPerGroup()) {
            activityErrors.clear();
            activityErrors.add(new ItemError(null, null, "GS_CRT05",
                    "Exceeded the activity max size limit of " + limits.activitiesPerGroup()));
        } else {
            distinct.forEach((id, type) -> em.persist(new GroupActivity(group, id, type, creatorId, now)));
        }
        em.flush();
        return new Created(group.id(), new ItemErrors(memberErrors, activityErrors));
    }

    /** Serialises group creation per account so that two creations at once cannot pass the limit together. */
    private void lockGroupCountOf(long accountId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) locked")
                .setParameter(1, GROUP_COUNT_LOCK)
                .setParameter(2, (int) accountId)
                .getSingleResult();
    }

    // ---------------------------------------------------------------- update

    /** Applies what can be applied; returns the per-item failures. */
    public ItemErrors update(long callerId, UpdateGroup request) {
        List<String> problems = GroupRequests.problemsOf(request);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("GS_UDT02", String.join("; ", problems));
        }
        StudyGroup group = parse(request.groupId())
                .map(id -> em.find(StudyGroup.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ApiError.notFound("GS_UDT07", "group " + request.groupId() + " does not exist"));
        Optional<GroupMember> self = activeMember(group, callerId);
        boolean leaving = isLeaving(request, callerId);

        if (!leaving) {
            if (group.isSuspended() && (request.status() == null || StudyGroup.SUSPENDED.equals(request.status()))) {
                throw ApiError.badRequest("GS_UDT08", "group " + group.id()
                        + " is suspended: only a member leaving, reactivation or deletion is allowed");
            }
            authorise(group, self, request, callerId);
        }

        Instant now = clock.instant();
        if (StudyGroup.INACTIVE.equals(request.status())) {
            deleteGroup(group); // Sunbird's backward-compatible delete; nothing else of the request matters
            return new ItemErrors(List.of(), List.of());
        }
        List<ItemError> memberErrors = request.changesMembers()
                ? changeMembers(group, request.members(), callerId, now) : List.of();
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
        em.flush();
        return new ItemErrors(memberErrors, activityErrors);
    }

    /** Leaving: the request only removes the caller from the members, nothing else. */
    private boolean isLeaving(UpdateGroup request, long callerId) {
        if (request.changesGroupFields() || request.changesActivities() || request.members() == null) {
            return false;
        }
        MemberChanges m = request.members();
        return m.toAdd().isEmpty() && m.toEdit().isEmpty() && m.toRemove().size() == 1
                && activeAccount(m.toRemove().get(0)).map(a -> a.id() == callerId).orElse(false);
    }

    private void authorise(StudyGroup group, Optional<GroupMember> self, UpdateGroup request, long callerId) {
        if (self.isEmpty()) {
            throw adminRights("you are not a member of group " + group.id());
        }
        if (StudyGroup.INACTIVE.equals(request.status()) && group.createdBy() != callerId) {
            throw adminRights("only the group's creator may delete it");
        }
        boolean adminOnly = request.name() != null || request.description() != null || request.status() != null
                || request.membershipType() != null || request.changesMembers();
        if (adminOnly && !self.get().isAdmin()) {
            throw adminRights("changing the group's details, status or members needs admin rights in the group");
        }
    }

    private static ApiError adminRights(String message) {
        return new ApiError(401, "GS_UDT09", message);
    }

    private List<ItemError> changeMembers(StudyGroup group, MemberChanges changes, long by, Instant now) {
        List<ItemError> errors = new ArrayList<>();
        Map<Long, GroupMember> rows = new HashMap<>();
        for (GroupMember m : em.createQuery("select m from GroupMember m where m.group = :g", GroupMember.class)
                .setParameter("g", group).getResultList()) {
            rows.put(m.accountId(), m);
        }
        long active = rows.values().stream().filter(GroupMember::isActive).count();

        Map<Long, String> adds = new LinkedHashMap<>();
        for (MemberEntry entry : changes.toAdd()) {
            Optional<Account> account = activeAccount(entry.userId());
            if (account.isEmpty()) {
                errors.add(memberError(entry.userId(), MEMBER_NOT_FOUND, "no such user"));
            } else if (adds.containsKey(account.get().id())
                    || Optional.ofNullable(rows.get(account.get().id())).map(GroupMember::isActive).orElse(false)) {
                errors.add(memberError(entry.userId(), MEMBER_EXISTS, "already a member"));
            } else {
                adds.put(account.get().id(), entry.role());
            }
        }
        Map<GroupMember, String> edits = new LinkedHashMap<>();
        for (MemberEntry entry : changes.toEdit()) {
            Optional<GroupMember> member = activeAccount(entry.userId()).map(a -> rows.get(a.id()))
                    .filter(GroupMember::isActive);
            if (member.isEmpty()) {
                errors.add(memberError(entry.userId(), MEMBER_NOT_FOUND, "not a member of the group"));
            } else {
                edits.put(member.get(), entry.role());
            }
        }
        Set<GroupMember> removals = new HashSet<>();
        for (String ref : changes.toRemove()) {
            Optional<GroupMember> member = activeAccount(ref).map(a -> rows.get(a.id())).filter(GroupMember::isActive);
            if (member.isEmpty() || !removals.add(member.get())) {
                errors.add(memberError(ref, MEMBER_NOT_FOUND, "not a member of the group"));
            }
        }
        if (active + adds.size() - removals.size() > limits.membersPerGroup()) {
            // as in Sunbird: the member changes are refused together, the rest of the update still applies
            errors.add(new ItemError(null, null, "GS_UDT05",
                    "Exceeded the member max size limit of " + limits.membersPerGroup()));
            return errors;
        }
        adds.forEach((accountId, role) -> {
            GroupMember former = rows.get(accountId);
            if (former != null) {
                former.rejoin(role, by, now);
            } else {
                em.persist(new GroupMember(group, accountId, role, by, now));
            }
        });
        edits.forEach((member, role) -> member.changeRole(role, by, now));
        removals.forEach(member -> member.remove(by, now));
        return errors;
    }

    private List<ItemError> changeActivities(StudyGroup group, GroupRequests.ActivityChanges changes, long by,
            Instant now) {
        List<ItemError> errors = new ArrayList<>();
        Map<String, GroupActivity> present = new HashMap<>();
        for (GroupActivity a : activitiesOf(group)) {
            present.put(a.activityId(), a);
        }
        Map<String, String> adds = new LinkedHashMap<>();
        for (ActivityEntry entry : changes.toAdd()) {
            if (present.containsKey(entry.id()) || adds.containsKey(entry.id())) {
                errors.add(activityError(entry.id(), ACTIVITY_EXISTS, "the group already has this activity"));
            } else {
                adds.put(entry.id(), entry.type());
            }
        }
        Set<GroupActivity> removals = new HashSet<>();
        for (String id : changes.toRemove()) {
            GroupActivity activity = present.get(id);
            if (activity == null || !removals.add(activity)) {
                errors.add(activityError(id, ACTIVITY_NOT_FOUND, "the group has no such activity"));
            }
        }
        if (present.size() + adds.size() - removals.size() > limits.activitiesPerGroup()) {
            errors.add(new ItemError(null, null, "GS_UDT06",
                    "Exceeded the activity max size limit of " + limits.activitiesPerGroup()));
            return errors;
        }
        removals.forEach(em::remove);
        em.flush(); // removals first: an activity removed and added back in one request must not collide
        adds.forEach((id, type) -> em.persist(new GroupActivity(group, id, type, by, now)));
        return errors;
    }

    // ---------------------------------------------------------------- read, list

    public GroupDetails read(long callerId, boolean platformAdmin, String groupId, boolean withActivities,
            boolean withMembers) {
        StudyGroup group = parse(groupId).map(id -> em.find(StudyGroup.class, id))
                .orElseThrow(() -> ApiError.notFound("GS_RED07", "group " + groupId + " does not exist"));
        if (!platformAdmin && activeMember(group, callerId).isEmpty()) {
            throw new ApiError(401, "GS_RED08", "only the group's members may read group " + groupId);
        }
        Names names = new Names();
        List<ActivityView> activities = withActivities
                ? activitiesOf(group).stream().map(a -> new ActivityView(a.activityId(), a.activityType())).toList()
                : null;
        List<MemberView> members = null;
        if (withMembers) {
            members = activeMembers(group).stream()
                    .map(m -> new MemberView(names.uuid(m.accountId()), group.id(), names.name(m.accountId()), m.role(),
                            m.status(), m.createdOn(), names.uuid(m.createdBy()), m.updatedOn(),
                            names.uuid(m.updatedBy())))
                    .toList();
        }
        return new GroupDetails(view(group, names), activities, members);
    }

    /** The groups an account is an active member of: those it administers first, then newest first. */
    public List<ListedGroup> list(long callerId, boolean platformAdmin, String userRef) {
        Optional<Account> user = accounts.resolve(userRef);
        boolean self = user.map(a -> a.id() == callerId).orElse(false);
        if (!self && !platformAdmin) {
            throw new ApiError(401, "GS_LST03", "you may list only your own groups");
        }
        if (user.isEmpty()) {
            return List.of();
        }
        Names names = new Names();
        return em.createQuery("""
                        select m from GroupMember m join fetch m.group g
                        where m.accountId = :account and m.status = 'active'""", GroupMember.class)
                .setParameter("account", user.get().id())
                .getResultList().stream()
                .sorted(Comparator.comparing((GroupMember m) -> m.isAdmin() ? 0 : 1)
                        .thenComparing(m -> m.group().createdOn(), Comparator.reverseOrder()))
                .map(m -> new ListedGroup(view(m.group(), names), m.role(), m.visited()))
                .toList();
    }

    // ---------------------------------------------------------------- delete, membership

    public void delete(long callerId, String groupId) {
        StudyGroup group = parse(groupId).map(id -> em.find(StudyGroup.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ApiError.notFound("GS_DLT07", "group " + groupId + " does not exist"));
        if (group.createdBy() != callerId) {
            throw new ApiError(401, "GS_DLT10", "only the group's creator may delete it");
        }
        deleteGroup(group);
    }

    /** A hard delete in the database; the loaded members and activities are dropped from the context with it. */
    private void deleteGroup(StudyGroup group) {
        em.flush();
        em.createQuery("delete from GroupActivity a where a.group.id = :g").setParameter("g", group.id()).executeUpdate();
        em.createQuery("delete from GroupMember m where m.group.id = :g").setParameter("g", group.id()).executeUpdate();
        em.createQuery("delete from StudyGroup g where g.id = :g").setParameter("g", group.id()).executeUpdate();
        em.clear();
    }

    /** Sets the caller's own "visited" flag on each group; returns the groups it could not be set on. */
    public List<ItemError> updateMembership(long callerId, MembershipRequest request) {
        List<String> problems = GroupRequests.problemsOf(request);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("GS_MBR02", String.join("; ", problems));
        }
        boolean self = accounts.resolve(request.userId()).map(a -> a.id() == callerId).orElse(false);
        if (!self) {
            throw new ApiError(401, "GS_MBR03", "you may update only your own membership");
        }
        List<ItemError> errors = new ArrayList<>();
        for (Visit visit : request.groups()) {
            Optional<StudyGroup> group = parse(visit.groupId()).map(id -> em.find(StudyGroup.class, id));
            Optional<GroupMember> member = group.flatMap(g -> activeMember(g, callerId));
            if (member.isEmpty()) {
                errors.add(new ItemError("groupId", visit.groupId(),
                        group.isEmpty() ? GROUP_NOT_FOUND : MEMBER_NOT_FOUND,
                        group.isEmpty() ? "no such group" : "you are not a member of this group"));
            } else if (group.get().isSuspended()) {
                errors.add(new ItemError("groupId", visit.groupId(), GROUP_NOT_ACTIVE, "the group is suspended"));
            } else {
                // a conditional update, not a write of the loaded row: a removal committed meanwhile must stand
                em.createQuery("""
                                update GroupMember m set m.visited = :visited
                                where m.group.id = :g and m.accountId = :a and m.status = 'active'""")
                        .setParameter("visited", visit.visited()).setParameter("g", group.get().id())
                        .setParameter("a", callerId).executeUpdate();
            }
        }
        return errors;
    }

    // ---------------------------------------------------------------- for the activity aggregate

    /** A group the caller may read (member or platform admin), with its active members; for the aggregate. */
    public Optional<StudyGroup> readable(String groupId, long callerId, boolean platformAdmin) {
        Optional<StudyGroup> group = parse(groupId).map(id -> em.find(StudyGroup.class, id));
        if (group.isPresent() && !platformAdmin && activeMember(group.get(), callerId).isEmpty()) {
            throw new ApiError(401, "GS_AGG03", "only the group's members may read its activity aggregate");
        }
        return group;
    }

    public List<GroupMember> activeMembers(StudyGroup group) {
        return em.createQuery("""
                        select m from GroupMember m where m.group = :g and m.status = 'active'
                        order by m.createdOn, m.id""", GroupMember.class)
                .setParameter("g", group).getResultList();
    }

    // ---------------------------------------------------------------- helpers

    private List<GroupActivity> activitiesOf(StudyGroup group) {
        return em.createQuery("select a from GroupActivity a where a.group = :g order by a.addedOn, a.id",
                        GroupActivity.class)
                .setParameter("g", group).getResultList();
    }

    private Optional<GroupMember> activeMember(StudyGroup group, long accountId) {
        return em.createQuery("""
                        select m from GroupMember m where m.group = :g and m.accountId = :a and m.status = 'active'""",
                        GroupMember.class)
                .setParameter("g", group).setParameter("a", accountId)
                .getResultStream().findFirst();
    }

    private Optional<Account> activeAccount(String reference) {
        return accounts.resolve(reference).filter(Account::isActive);
    }

    private static Optional<UUID> parse(String groupId) {
        try {
            return groupId == null ? Optional.empty() : Optional.of(UUID.fromString(groupId.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a group id we could have issued: the group does not exist
        }
    }

    private static ItemError memberError(String userId, String code, String message) {
        return new ItemError("userId", userId, code, message);
    }

    private static ItemError activityError(String id, String code, String message) {
        return new ItemError("id", id, code, message);
    }

    private GroupView view(StudyGroup g, Names names) {
        return new GroupView(g.id(), g.name(), g.description(), g.status(), g.membershipType(), g.createdOn(),
                names.uuid(g.createdBy()), g.updatedOn(), names.uuid(g.updatedBy()));
    }

    /** Account ids to uuids and display names, looked up once per request. */
    final class Names {
        private final Map<Long, Optional<Account>> seen = new HashMap<>();

        Optional<Account> account(Long id) {
            return id == null ? Optional.empty() : seen.computeIfAbsent(id, accounts::byId);
        }

        UUID uuid(Long id) {
            return account(id).map(Account::uuid).orElse(null);
        }

        String name(Long id) {
            return account(id).map(Account::displayName).orElse(null);
        }
    }
}
