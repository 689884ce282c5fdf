package dev.pulse.groups;

import dev.pulse.groups.ActivityProgress.ActivityFigures;
import dev.pulse.groups.ActivityProgress.MemberFigures;
import dev.pulse.groups.GroupActivityAggregates.Aggregate;
import dev.pulse.groups.GroupActivityAggregates.MemberAggregate;
import dev.pulse.groups.GroupViews.ActivityView;
import dev.pulse.groups.GroupViews.GroupDetails;
import dev.pulse.groups.GroupViews.GroupView;
import dev.pulse.groups.GroupViews.ItemError;
import dev.pulse.groups.GroupViews.ItemErrors;
import dev.pulse.groups.GroupViews.MemberView;
import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Group values in Sunbird's JSON: its field names, its timestamp format, nulls spelled out. */
final class GroupJson {

    private static final JsonProvider JSON = JsonBodies.provider();

    /** Sunbird writes times as "2020-07-14 15:04:14:075+0530"; Pulse writes them in UTC. */
    private static final DateTimeFormatter SUNBIRD_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss:SSSZ").withZone(ZoneOffset.UTC);

    private GroupJson() {
    }

    static JsonObjectBuilder group(GroupView g) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", g.id().toString());
        put(b, "name", g.name());
        put(b, "description", g.description());
        put(b, "status", g.status());
        put(b, "membershipType", g.membershipType());
        put(b, "createdOn", time(g.createdOn()));
        put(b, "createdBy", g.createdBy() == null ? null : g.createdBy().toString());
        put(b, "updatedOn", time(g.updatedOn()));
        put(b, "updatedBy", g.updatedBy() == null ? null : g.updatedBy().toString());
        return b;
    }

    /** A read group: its fields, then its activities and members when they were asked for. */
    static JsonObject details(GroupDetails details) {
        JsonObjectBuilder result = group(details.group());
        if (details.activities() != null) {
            result.add("activities", activities(details.activities()));
        }
        if (details.members() != null) {
            JsonArrayBuilder members = JSON.createArrayBuilder();
            details.members().forEach(m -> members.add(member(m)));
            result.add("members", members);
        }
        return result.build();
    }

    /** {@code [{id, type}]}, in the order the activities were added. */
    static JsonArrayBuilder activities(List<ActivityView> activities) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        activities.forEach(a -> list.add(JSON.createObjectBuilder().add("id", a.id()).add("type", a.type())));
        return list;
    }

    static JsonObjectBuilder member(MemberView m) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        put(b, "userId", m.userId() == null ? null : m.userId().toString());
        put(b, "groupId", m.groupId().toString());
        put(b, "name", m.name());
        put(b, "role", m.role());
        put(b, "status", m.status());
        put(b, "createdOn", time(m.createdOn()));
        put(b, "createdBy", m.createdBy() == null ? null : m.createdBy().toString());
        put(b, "updatedOn", time(m.updatedOn()));
        put(b, "updatedBy", m.updatedBy() == null ? null : m.updatedBy().toString());
        return b;
    }

    /** Adds {@code error: {members:[…], activities:[…]}} when some item could not be applied. */
    static void errors(JsonObjectBuilder result, ItemErrors errors) {
        if (errors.isEmpty()) {
            return;
        }
        JsonObjectBuilder error = JSON.createObjectBuilder();
        if (!errors.members().isEmpty()) {
            error.add("members", items(errors.members()));
        }
        if (!errors.activities().isEmpty()) {
            error.add("activities", items(errors.activities()));
        }
        result.add("error", error);
    }

    static JsonArrayBuilder items(List<ItemError> items) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (ItemError e : items) {
            JsonObjectBuilder item = JSON.createObjectBuilder();
            if (e.subjectField() != null) {
                put(item, e.subjectField(), e.subject());
            }
            item.add("errorCode", e.errorCode());
            put(item, "errorMessage", e.errorMessage());
            list.add(item);
        }
        return list;
    }

    /**
     * The activity aggregate: the activity's figures and each member's, every figure with its time in
     * epoch milliseconds, a number even where no record is behind it yet (then the time it was computed),
     * as Sunbird's own aggregate and its client read it.
     */
    static JsonObject aggregate(Aggregate agg) {
        ActivityFigures activity = agg.activity();
        JsonArrayBuilder members = JSON.createArrayBuilder();
        for (MemberAggregate m : agg.members()) {
            MemberFigures f = m.figures();
            long updated = lastUpdatedOn(f.lastUpdated(), agg);
            JsonObjectBuilder member = JSON.createObjectBuilder();
            put(member, "userId", m.userId() == null ? null : m.userId().toString());
            put(member, "name", m.name());
            put(member, "role", m.role());
            put(member, "status", m.status());
            member.add("agg", JSON.createArrayBuilder()
                    .add(metric("progress", JSON.createValue(f.progress()), updated))
                    .add(metric("completedCount", JSON.createValue(f.completed() ? 1 : 0), updated)));
            members.add(member);
        }
        long updated = lastUpdatedOn(activity.lastUpdated(), agg);
        return JSON.createObjectBuilder()
                .add("groupId", agg.groupId().toString())
                .add("activity", JSON.createObjectBuilder()
                        .add("id", agg.activityId())
                        .add("type", agg.activityType())
                        .add("agg", JSON.createArrayBuilder()
                                .add(metric("enrolmentCount", JSON.createValue(activity.enrolmentCount()), updated))
                                .add(metric("completedCount", JSON.createValue(activity.completedCount()), updated))
                                .add(metric("averageProgress", JSON.createValue(activity.averageProgress()), updated))))
                .add("members", members)
                .build();
    }

    /** Epoch millis of the latest record behind a figure, or of the aggregate's computation when there is none. */
    private static long lastUpdatedOn(Instant latestRecord, Aggregate agg) {
        return (latestRecord == null ? agg.asOf() : latestRecord).toEpochMilli();
    }

    private static JsonObjectBuilder metric(String name, JsonValue value, long lastUpdatedOn) {
        return JSON.createObjectBuilder().add("metric", name).add("value", value).add("lastUpdatedOn", lastUpdatedOn);
    }

    static String time(Instant t) {
        return t == null ? null : SUNBIRD_TIME.format(t);
    }

    static void put(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }
}
