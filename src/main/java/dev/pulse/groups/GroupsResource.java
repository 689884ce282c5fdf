package dev.pulse.groups;

import dev.pulse.groups.GroupRequests.CreateBody;
import dev.pulse.groups.GroupRequests.GroupIdBody;
import dev.pulse.groups.GroupRequests.ListBody;
import dev.pulse.groups.GroupRequests.MembershipBody;
import dev.pulse.groups.GroupRequests.UpdateBody;
import dev.pulse.groups.GroupViews.Created;
import dev.pulse.groups.GroupViews.GroupDetails;
import dev.pulse.groups.GroupViews.ItemErrors;
import dev.pulse.groups.GroupViews.ListedGroup;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Sunbird group API under /api/group/v1. Every answer is a Sunbird envelope; the caller is the
 * user of {@code x-authenticated-user-token}, acting through the API client of {@code Authorization}.
 */
@Path("/api/group/v1")
@Family(ApiFamily.SUNBIRD)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sunbird")
@SecurityRequirementsSet({@SecurityRequirement(name = "SunbirdClient"), @SecurityRequirement(name = "SunbirdUser")})
@APIResponse(responseCode = "401", description = "Missing or invalid Sunbird credentials, or not allowed "
        + "(params.err names the rule: GS_UDT09 admin rights, GS_DLT10 creator only, …)")
public class GroupsResource {

    private static final JsonProvider JSON = JsonBodies.provider();

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @POST
    @Path("create")
    @Operation(operationId = "groups_group_create", summary = "Create a group; the caller becomes its admin",
            description = "Members or activities over the configured limits are left out and reported in result.error; "
                    + "members are named by account uuid and must share an academy or a cohort with the creator.")
    @APIResponse(responseCode = "200", description = "result.groupId, and result.error for members/activities not added",
            content = @Content(schema = @Schema(ref = "SunbirdGroupCreated")))
    @APIResponse(responseCode = "400", description = "GS_CRT02 invalid request; GS_CRT03 exceeded number of permissible groups")
    public Response create(CreateBody body) {
        return SunbirdResponses.respond("api.group.create", caller, () -> {
            Created created = groups.create(caller.accountId(), caller.isPlatformAdmin(), body == null ? null : body.request());
            JsonObjectBuilder result = JSON.createObjectBuilder().add("groupId", created.groupId().toString());
            GroupJson.errors(result, created.errors());
            return result.build();
        });
    }

    @PATCH
    @Path("update")
    @Operation(operationId = "groups_group_update", summary = "Update a group, its members and activities; partial success",
            description = "What can be applied is applied; items that could not be come back in result.error "
                    + "(MEMBER_EXISTS, MEMBER_NOT_FOUND, ACTIVITY_EXISTS, ACTIVITY_NOT_FOUND, GS_UDT05/06 limits). "
                    + "Members are named by account uuid; an admin adds only accounts sharing an academy or a cohort "
                    + "with them (any, for a platform administrator), others are MEMBER_NOT_FOUND. Removing only "
                    + "oneself is leaving, open to any member.")
    @APIResponse(responseCode = "200", description = "result.response \"success\", result.error for items not applied",
            content = @Content(schema = @Schema(ref = "SunbirdDone")))
    @APIResponse(responseCode = "400", description = "GS_UDT02 invalid request; GS_UDT08 the group is suspended")
    @APIResponse(responseCode = "404", description = "GS_UDT07 no such group")
    public Response update(UpdateBody body) {
        return SunbirdResponses.respond("api.group.update", caller, () -> {
            ItemErrors errors = groups.update(caller.accountId(), caller.isPlatformAdmin(), body == null ? null : body.request());
            JsonObjectBuilder result = JSON.createObjectBuilder().add("response", "success");
            GroupJson.errors(result, errors);
            return result.build();
        });
    }

    @GET
    @Path("read/{groupId}")
    @Operation(operationId = "groups_group_read", summary = "Read a group (members and platform administrators only)")
    @APIResponse(responseCode = "200", description = "The group; activities unless fields leaves them out, members when asked",
            content = @Content(schema = @Schema(ref = "SunbirdGroupRead")))
    @APIResponse(responseCode = "404", description = "GS_RED07 no such group")
    public Response read(@PathParam("groupId") String groupId,
            @Parameter(description = "Comma-separated: members, activities. Absent: activities only.")
            @QueryParam("fields") String fields) {
        return SunbirdResponses.respond("api.group.read", caller, () -> {
            Set<String> wanted = fields == null ? Set.of("activities") : Arrays.stream(fields.split(","))
                    .map(f -> f.trim().toLowerCase()).collect(Collectors.toSet());
            GroupDetails details = groups.read(caller.accountId(), caller.isPlatformAdmin(), groupId,
                    wanted.contains("activities"), wanted.contains("members"));
            return GroupJson.details(details);
        });
    }

    @POST
    @Path("list")
    @Operation(operationId = "groups_group_list", summary = "List a user's groups (one's own; platform administrators any user's)")
    @APIResponse(responseCode = "200", description = "result.group: groups with memberRole, visited and activities "
            + "([{id, type}]), admin groups first",
            content = @Content(schema = @Schema(ref = "SunbirdGroupList")))
    @APIResponse(responseCode = "400", description = "GS_LST02 no userId")
    public Response list(ListBody body) {
        return SunbirdResponses.respond("api.group.list", caller, () -> {
            if (body == null || body.request() == null || GroupRequests.blank(body.request().user())) {
                throw ApiError.badRequest("GS_LST02", "request.filters.userId is mandatory");
            }
            List<ListedGroup> listed = groups.list(caller.accountId(), caller.isPlatformAdmin(), body.request().user());
            JsonArrayBuilder all = JSON.createArrayBuilder();
            for (ListedGroup g : listed) {
                all.add(GroupJson.group(g.group()).add("memberRole", g.memberRole()).add("visited", g.visited())
                        .add("activities", GroupJson.activities(g.activities())));
            }
            return JSON.createObjectBuilder().add("group", all).build();
        });
    }

    @POST
    @Path("delete")
    @Operation(operationId = "groups_group_delete", summary = "Delete a group for good (its creator only)")
    @APIResponse(responseCode = "200", description = "result.response \"SUCCESS\"",
            content = @Content(schema = @Schema(ref = "SunbirdDone")))
    @APIResponse(responseCode = "400", description = "GS_DLT02 no groupId")
    @APIResponse(responseCode = "404", description = "GS_DLT07 no such group")
    public Response delete(GroupIdBody body) {
        return SunbirdResponses.respond("api.group.delete", caller, () -> {
            if (body == null || body.request() == null || GroupRequests.blank(body.request().groupId())) {
                throw ApiError.badRequest("GS_DLT02", "request.groupId is mandatory");
            }
            groups.delete(caller.accountId(), body.request().groupId());
            return JSON.createObjectBuilder().add("response", "SUCCESS").build();
        });
    }

    @PATCH
    @Path("membership/update")
    @Operation(operationId = "groups_membership_update", summary = "Set one's own 'visited' flag on groups")
    @APIResponse(responseCode = "200", description = "result.response \"success\"; result.error.groups for groups not updated",
            content = @Content(schema = @Schema(ref = "SunbirdDone")))
    @APIResponse(responseCode = "400", description = "GS_MBR02 invalid request")
    public Response updateMembership(MembershipBody body) {
        return SunbirdResponses.respond("api.group.membership.update", caller, () -> {
            var errors = groups.updateMembership(caller.accountId(), body == null ? null : body.request());
            JsonObjectBuilder result = JSON.createObjectBuilder().add("response", "success");
            if (!errors.isEmpty()) {
                result.add("error", JSON.createObjectBuilder().add("groups", GroupJson.items(errors)));
            }
            return result.build();
        });
    }
}
