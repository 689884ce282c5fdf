package dev.pulse.groups;

import dev.pulse.groups.GroupRequests.MemberChanges;
import dev.pulse.groups.GroupRequests.MemberEntry;
import dev.pulse.groups.GroupViews.ItemError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which requested member changes apply and which come back as item errors, within the member
 * limit. Pure: accounts are resolved by the functions the caller passes (a user reference to an
 * active account id: {@code addable} only to the accounts the caller may add, {@code account} to any),
 * and the current rows are given. An account the caller may not add reads exactly as one that does
 * not exist, so adding reveals nothing about accounts outside the caller's academies and cohorts.
 */
final class MembershipRules {

    static final String MEMBER_EXISTS = "MEMBER_EXISTS";
    static final String MEMBER_NOT_FOUND = "MEMBER_NOT_FOUND";

    private MembershipRules() {
    }

    /** Members to add (account id to role), roles to change, memberships to end, and the items refused. */
    record MemberPlan(Map<Long, String> adds, Map<GroupMember, String> edits, Set<GroupMember> removals,
            List<ItemError> errors) {
    }

    /**
     * The members named when a group is created, besides its creator (who is in already, as admin).
     * Over the limit, as in Sunbird, the group is created with its creator only.
     */
    static MemberPlan atCreation(long creatorId, List<MemberEntry> requested,
            Function<String, Optional<Long>> addable, int limit) {
        List<ItemError> errors = new ArrayList<>();
        Map<Long, String> adds = new LinkedHashMap<>();
        int others = 0;
        for (MemberEntry entry : requested == null ? List.<MemberEntry>of() : requested) {
            Optional<Long> account = addable.apply(entry.userId());
            if (account.isPresent() && account.get() == creatorId) {
                continue;
            }
            others++;
            if (account.isEmpty()) {
                errors.add(error(entry.userId(), MEMBER_NOT_FOUND, "no such user"));
            } else if (adds.containsKey(account.get())) {
                errors.add(error(entry.userId(), MEMBER_EXISTS, "listed twice"));
            } else {
                adds.put(account.get(), entry.role());
            }
        }
        if (1 + others > limit) {
            return new MemberPlan(Map.of(), Map.of(), Set.of(),
                    List.of(new ItemError(null, null, "GS_CRT04", "Exceeded the member max size limit of " + limit)));
        }
        return new MemberPlan(adds, Map.of(), Set.of(), errors);
    }

    /**
     * An update's member changes against the group's rows ({@code rows}: every membership, removed
     * ones included, by account). Over the limit, as in Sunbird, the member changes are refused
     * together while the rest of the update still applies.
     */
    static MemberPlan ofUpdate(MemberChanges changes, Map<Long, GroupMember> rows,
            Function<String, Optional<Long>> addable, Function<String, Optional<Long>> account, int limit) {
        List<ItemError> errors = new ArrayList<>();
        long active = rows.values().stream().filter(GroupMember::isActive).count();
        Function<String, Optional<GroupMember>> activeMember = ref -> account.apply(ref).map(rows::get)
                .filter(GroupMember::isActive);

        Map<Long, String> adds = new LinkedHashMap<>();
        for (MemberEntry entry : changes.toAdd()) {
            Optional<Long> added = addable.apply(entry.userId());
            if (added.isEmpty()) {
                errors.add(error(entry.userId(), MEMBER_NOT_FOUND, "no such user"));
            } else if (adds.containsKey(added.get())
                    || Optional.ofNullable(rows.get(added.get())).map(GroupMember::isActive).orElse(false)) {
                errors.add(error(entry.userId(), MEMBER_EXISTS, "already a member"));
            } else {
                adds.put(added.get(), entry.role());
            }
        }
        Map<GroupMember, String> edits = new LinkedHashMap<>();
        for (MemberEntry entry : changes.toEdit()) {
            Optional<GroupMember> member = activeMember.apply(entry.userId());
            if (member.isEmpty()) {
                errors.add(error(entry.userId(), MEMBER_NOT_FOUND, "not a member of the group"));
            } else {
                edits.put(member.get(), entry.role());
            }
        }
        Set<GroupMember> removals = new HashSet<>();
        for (String ref : changes.toRemove()) {
            Optional<GroupMember> member = activeMember.apply(ref);
            if (member.isEmpty() || !removals.add(member.get())) {
                errors.add(error(ref, MEMBER_NOT_FOUND, "not a member of the group"));
            }
        }
        if (active + adds.size() - removals.size() > limit) {
            errors.add(new ItemError(null, null, "GS_UDT05", "Exceeded the member max size limit of " + limit));
            return new MemberPlan(Map.of(), Map.of(), Set.of(), errors);
        }
        return new MemberPlan(adds, edits, removals, errors);
    }

    private static ItemError error(String userId, String code, String message) {
        return new ItemError("userId", userId, code, message);
    }
}
