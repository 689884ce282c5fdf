package dev.pulse.groups;

import dev.pulse.groups.GroupActivityAggregates.Aggregate;
import dev.pulse.groups.GroupRequests.AggregateBody;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sunbird's group activity aggregate: each member's progress on one activity, from telemetry and Caliper data. */
@Path("/api/data/v1/group/activity")
@Family(ApiFamily.SUNBIRD)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sunbird")
@SecurityRequirementsSet({@SecurityRequirement(name = "SunbirdClient"), @SecurityRequirement(name = "SunbirdUser")})
public class GroupActivityResource {

    @Inject
    Caller caller;

    @Inject
    GroupActivityAggregates aggregates;

    @POST
    @Path("agg")
    @Operation(operationId = "groups_activity_aggregate", summary = "A group's progress on one activity (members and platform administrators only)",
            description = "Per member: progress 0-100 (best of telemetry completion_rate for the asset whose slug is "
                    + "the activity id and Caliper events whose object.assignable.id is the activity id, sent by an "
                    + "API client bound to an academy of the member) and "
                    + "completedCount; per activity: enrolmentCount, completedCount, averageProgress.")
    @APIResponse(responseCode = "200", description = "result.activity.agg and result.members[].agg",
            content = @Content(schema = @Schema(ref = "SunbirdActivityAggregate")))
    @APIResponse(responseCode = "400", description = "GS_AGG02 groupId, activityId and activityType are required")
    @APIResponse(responseCode = "401", description = "Missing Sunbird credentials, or GS_AGG03 not a member")
    @APIResponse(responseCode = "404", description = "GS_AGG07 no such group; ACTIVITY_NOT_FOUND the activity is not one "
            + "of the group's")
    public Response aggregate(AggregateBody body) {
        return SunbirdResponses.respond("api.group.activity.agg", caller, () -> {
            Aggregate agg = aggregates.aggregate(caller.accountId(), caller.isPlatformAdmin(),
                    body == null ? null : body.request());
            return GroupJson.aggregate(agg);
        });
    }
}
