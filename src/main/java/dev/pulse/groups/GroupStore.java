package dev.pulse.groups;

import dev.pulse.platform.input.UrnUuid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import dev.pulse.groups.GroupViews.ActivityView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The study group tables: finding, locking, listing and deleting groups, their members and their
 * activities. Runs inside the transaction of {@link Groups} or {@link GroupActivityAggregates}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class GroupStore {

    /** Namespace of this feature's advisory locks (pg_advisory_xact_lock(int, int)). */
    private static final int GROUP_COUNT_LOCK = 0x67727073;

    @PersistenceContext
    EntityManager em;

    public Optional<StudyGroup> find(String groupId) {
        return idOf(groupId).map(id -> em.find(StudyGroup.class, id));
    }

    /** The group with its row locked until commit: changes to one group are serialised. */
    public Optional<StudyGroup> findForUpdate(String groupId) {
        return idOf(groupId).map(id -> em.find(StudyGroup.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public void add(Object groupRow) {
        em.persist(groupRow);
    }

    public void flush() {
        em.flush();
    }

    /** Serialises group creation per account so that two creations at once cannot pass the limit together. */
    public void lockGroupCountOf(long accountId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) locked")
                .setParameter(1, GROUP_COUNT_LOCK)
                .setParameter(2, (int) accountId)
                .getSingleResult();
    }

    /** The groups the account created that still exist, whether or not it is still in them. */
    public long createdGroupCountOf(long accountId) {
        return em.createQuery("select count(g) from StudyGroup g where g.createdBy = :account", Long.class)
                .setParameter("account", accountId).getSingleResult();
    }

    /**
     * Of the accounts named by these uuids, the active ones the adder may add to a group, by uuid: the
     * adder itself and those sharing an academy (by role or through a cohort: the
     * {@code academy_membership} view) or a cohort with it; any active account when
     * {@code anyone} (a platform administrator). One query, whatever the number of uuids.
     */
    public Map<UUID, Long> addableAccounts(long adderId, boolean anyone, Collection<UUID> uuids) {
        if (uuids.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("""
                        select a.uuid, a.id from account a
                        where a.uuid in (:uuids) and a.active
                          and (:anyone or a.id = :adder
                            or exists (select 1 from academy_membership mine
                                join academy_membership theirs on theirs.academy_id = mine.academy_id
                                where mine.account_id = :adder and theirs.account_id = a.id)
                            or exists (select 1 from cohort_member mine
                                join cohort_member theirs on theirs.cohort_id = mine.cohort_id
                                where mine.account_id = :adder and theirs.account_id = a.id))""")
                .setParameter("uuids", uuids)
                .setParameter("anyone", anyone)
                .setParameter("adder", adderId)
                .getResultList();
        Map<UUID, Long> addable = new LinkedHashMap<>();
        rows.stream().map(row -> (Object[]) row)
                .forEach(r -> addable.put((UUID) r[0], ((Number) r[1]).longValue()));
        return addable;
    }

    /** Every membership row of the group, removed ones included, by account. */
    public Map<Long, GroupMember> membersByAccount(StudyGroup group) {
        Map<Long, GroupMember> rows = new LinkedHashMap<>();
        em.createQuery("select m from GroupMember m where m.group = :g", GroupMember.class)
                .setParameter("g", group).getResultStream()
                .forEach(m -> rows.put(m.accountId(), m));
        return rows;
    }

    public Optional<GroupMember> activeMember(StudyGroup group, long accountId) {
        return em.createQuery("""
                        select m from GroupMember m where m.group = :g and m.accountId = :a and m.status = 'active'""",
                        GroupMember.class)
                .setParameter("g", group).setParameter("a", accountId)
                .getResultStream().findFirst();
    }

    /** Active members, in the order they joined. */
    public List<GroupMember> activeMembers(StudyGroup group) {
        return em.createQuery("""
                        select m from GroupMember m where m.group = :g and m.status = 'active'
                        order by m.createdOn, m.id""", GroupMember.class)
                .setParameter("g", group).getResultList();
    }

    /** An account's active memberships, each with its group. */
    public List<GroupMember> activeMembershipsOf(long accountId) {
        return em.createQuery("""
                        select m from GroupMember m join fetch m.group g
                        where m.accountId = :account and m.status = 'active'""", GroupMember.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    public boolean hasActivity(StudyGroup group, String activityId) {
        return !em.createQuery("select a.id from GroupActivity a where a.group = :g and a.activityId = :activity",
                        Long.class)
                .setParameter("g", group).setParameter("activity", activityId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The group's activities, in the order they were added. */
    public List<GroupActivity> activitiesOf(StudyGroup group) {
        return em.createQuery("select a from GroupActivity a where a.group = :g order by a.addedOn, a.id",
                        GroupActivity.class)
                .setParameter("g", group).getResultList();
    }

    /**
     * The activities of several groups in one query (a list of groups costs no query per group), by
     * group id, each group's in the order they were added; a group without activities is absent.
     */
    public Map<UUID, List<ActivityView>> activitiesOf(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ActivityView>> byGroup = new HashMap<>();
        em.createQuery("""
                        select a.group.id, a.activityId, a.activityType from GroupActivity a
                        where a.group.id in :groups order by a.addedOn, a.id""", Object[].class)
                .setParameter("groups", groupIds).getResultStream()
                .forEach(r -> byGroup.computeIfAbsent((UUID) r[0], g -> new ArrayList<>())
                        .add(new ActivityView((String) r[1], (String) r[2])));
        return byGroup;
    }

    /** Removes at once: an activity removed and added back in one request must not collide. */
    public void removeActivities(Collection<GroupActivity> activities) {
        activities.forEach(em::remove);
        em.flush();
    }

    /**
     * Sets an active member's "visited" flag with a conditional update, not a write of a loaded row:
     * a removal committed meanwhile must stand.
     */
    public void setVisited(StudyGroup group, long accountId, boolean visited) {
        em.createQuery("""
                        update GroupMember m set m.visited = :visited
                        where m.group.id = :g and m.accountId = :a and m.status = 'active'""")
                .setParameter("visited", visited).setParameter("g", group.id())
                .setParameter("a", accountId).executeUpdate();
    }

    /** A hard delete in the database; the loaded members and activities are dropped from the context with it. */
    public void delete(StudyGroup group) {
        em.flush();
        em.createQuery("delete from GroupActivity a where a.group.id = :g").setParameter("g", group.id()).executeUpdate();
        em.createQuery("delete from GroupMember m where m.group.id = :g").setParameter("g", group.id()).executeUpdate();
        em.createQuery("delete from StudyGroup g where g.id = :g").setParameter("g", group.id()).executeUpdate();
        em.clear();
    }

    /** Anything that is not a group id we could have issued names no group. */
    private static Optional<UUID> idOf(String groupId) {
        return UrnUuid.uuidOf(groupId);
    }
}
