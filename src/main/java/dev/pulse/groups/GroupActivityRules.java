package dev.pulse.groups;

import dev.pulse.groups.GroupRequests.ActivityChanges;
import dev.pulse.groups.GroupRequests.ActivityEntry;
import dev.pulse.groups.GroupViews.ItemError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which requested activity changes apply and which come back as item errors, within the activity limit. Pure. */
final class GroupActivityRules {

    static final String ACTIVITY_EXISTS = "ACTIVITY_EXISTS";
    static final String ACTIVITY_NOT_FOUND = "ACTIVITY_NOT_FOUND";

    private GroupActivityRules() {
    }

    /** Activities to add (id to type), activities to remove, and the items refused. */
    record ActivityPlan(Map<String, String> adds, Set<GroupActivity> removals, List<ItemError> errors) {
    }

    /** The activities named when a group is created; over the limit, none is added. */
    static ActivityPlan atCreation(List<ActivityEntry> requested, int limit) {
        List<ItemError> errors = new ArrayList<>();
        Map<String, String> distinct = new LinkedHashMap<>();
        for (ActivityEntry a : requested == null ? List.<ActivityEntry>of() : requested) {
            if (distinct.putIfAbsent(a.id(), a.type()) != null) {
                errors.add(error(a.id(), ACTIVITY_EXISTS, "listed twice"));
            }
        }
        if (distinct.size() > limit) {
            return new ActivityPlan(Map.of(), Set.of(), List.of(
                    new ItemError(null, null, "GS_CRT05", "Exceeded the activity max size limit of " + limit)));
        }
        return new ActivityPlan(distinct, Set.of(), errors);
    }

    /** An update's activity changes against the group's activities ({@code present}, by activity id). */
    static ActivityPlan ofUpdate(ActivityChanges changes, Map<String, GroupActivity> present, int limit) {
        List<ItemError> errors = new ArrayList<>();
        Map<String, String> adds = new LinkedHashMap<>();
        for (ActivityEntry entry : changes.toAdd()) {
            if (present.containsKey(entry.id()) || adds.containsKey(entry.id())) {
                errors.add(error(entry.id(), ACTIVITY_EXISTS, "the group already has this activity"));
            } else {
                adds.put(entry.id(), entry.type());
            }
        }
        Set<GroupActivity> removals = new HashSet<>();
        for (String id : changes.toRemove()) {
            GroupActivity activity = present.get(id);
            if (activity == null || !removals.add(activity)) {
                errors.add(error(id, ACTIVITY_NOT_FOUND, "the group has no such activity"));
            }
        }
        if (present.size() + adds.size() - removals.size() > limit) {
            errors.add(new ItemError(null, null, "GS_UDT06", "Exceeded the activity max size limit of " + limit));
            return new ActivityPlan(Map.of(), Set.of(), errors);
        }
        return new ActivityPlan(adds, removals, errors);
    }

    private static ItemError error(String id, String code, String message) {
        return new ItemError("id", id, code, message);
    }
}
