package dev.pulse.groups;

import dev.pulse.groups.GroupViews.GroupView;
import dev.pulse.groups.GroupViews.ItemError;
import dev.pulse.groups.GroupViews.ItemErrors;
import dev.pulse.groups.GroupViews.MemberView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Group values in Sunbird's JSON: its field names, its timestamp format, nulls spelled out. */
final class GroupJson {

    /** Sunbird writes times as "2020-07-14 15:04:14:075+0530"; Pulse writes them in UTC. */
    private static final DateTimeFormatter SUNBIRD_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss:SSSZ").withZone(ZoneOffset.UTC);

    private GroupJson() {
    }

    static JsonObjectBuilder group(GroupView g) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", g.id().toString());
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

    static JsonObjectBuilder member(MemberView m) {
        JsonObjectBuilder b = Json.createObjectBuilder();
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
        JsonObjectBuilder error = Json.createObjectBuilder();
        if (!errors.members().isEmpty()) {
            error.add("members", items(errors.members()));
        }
        if (!errors.activities().isEmpty()) {
            error.add("activities", items(errors.activities()));
        }
        result.add("error", error);
    }

    static JsonArrayBuilder items(List<ItemError> items) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ItemError e : items) {
            JsonObjectBuilder item = Json.createObjectBuilder();
            if (e.subjectField() != null) {
                put(item, e.subjectField(), e.subject());
            }
            item.add("errorCode", e.errorCode());
            put(item, "errorMessage", e.errorMessage());
            list.add(item);
        }
        return list;
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
