package dev.pulse.groups;

import dev.pulse.groups.ActivityProgress.ActivityFigures;
import dev.pulse.groups.ActivityProgress.MemberFigures;
import dev.pulse.groups.GroupActivityAggregates.Aggregate;
import dev.pulse.groups.GroupActivityAggregates.MemberAggregate;
import dev.pulse.groups.GroupRequests.AggregateBody;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sunbird's group activity aggregate: each member's progress on one activity, from telemetry and Caliper data. */
@Path("/api/data/v1/group/activity")
@Family(ApiFamily.SUNBIRD)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Sunbird study groups")
public class GroupActivityResource {

    @Inject
    Caller caller;

    @Inject
    GroupActivityAggregates aggregates;

    @POST
    @Path("agg")
    @Operation(summary = "A group's progress on one activity (members and platform administrators only)",
            description = "Per member: progress 0-100 (best of telemetry completion_rate for the asset whose slug is "
                    + "the activity id and Caliper events whose object.assignable.id is the activity id) and "
                    + "completedCount; per activity: enrolmentCount, completedCount, averageProgress.")
    @APIResponse(responseCode = "200", description = "result.activity.agg and result.members[].agg")
    @APIResponse(responseCode = "400", description = "GS_AGG02 groupId, activityId and activityType are required")
    @APIResponse(responseCode = "401", description = "Missing Sunbird credentials, or GS_AGG03 not a member")
    @APIResponse(responseCode = "404", description = "GS_AGG07 no such group")
    public Response aggregate(AggregateBody body) {
        return SunbirdResponses.respond("api.group.activity.agg", caller, () -> {
            Aggregate agg = aggregates.aggregate(caller.accountId(), caller.isPlatformAdmin(),
                    body == null ? null : body.request());
            ActivityFigures activity = agg.activity();
            JsonArrayBuilder members = Json.createArrayBuilder();
            for (MemberAggregate m : agg.members()) {
                MemberFigures f = m.figures();
                JsonObjectBuilder member = Json.createObjectBuilder();
                GroupJson.put(member, "userId", m.userId() == null ? null : m.userId().toString());
                GroupJson.put(member, "name", m.name());
                GroupJson.put(member, "role", m.role());
                GroupJson.put(member, "status", m.status());
                member.add("agg", Json.createArrayBuilder()
                        .add(metric("progress", Json.createValue(f.progress()), f.lastUpdated()))
                        .add(metric("completedCount", Json.createValue(f.completed() ? 1 : 0), f.lastUpdated())));
                members.add(member);
            }
            return Json.createObjectBuilder()
                    .add("groupId", agg.groupId().toString())
                    .add("activity", Json.createObjectBuilder()
                            .add("id", agg.activityId())
                            .add("type", agg.activityType())
                            .add("agg", Json.createArrayBuilder()
                                    .add(metric("enrolmentCount", Json.createValue(activity.enrolmentCount()),
                                            activity.lastUpdated()))
                                    .add(metric("completedCount", Json.createValue(activity.completedCount()),
                                            activity.lastUpdated()))
                                    .add(metric("averageProgress", Json.createValue(activity.averageProgress()),
                                            activity.lastUpdated()))))
                    .add("members", members)
                    .build();
        });
    }

    /** {metric, value, lastUpdatedOn}: epoch millis of the latest record behind the value, null when there is none. */
    private static JsonObjectBuilder metric(String name, jakarta.json.JsonValue value, Instant lastUpdated) {
        JsonObjectBuilder m = Json.createObjectBuilder().add("metric", name).add("value", value);
        if (lastUpdated == null) {
            m.addNull("lastUpdatedOn");
        } else {
            m.add("lastUpdatedOn", lastUpdated.toEpochMilli());
        }
        return m;
    }
}
