package dev.pulse.caliper;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The query API over stored Caliper events: a client's own events, newest first, keyset-paged. */
@Path("/analytics/events")
@Family(ApiFamily.CALIPER)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caliper")
@SecurityRequirement(name = "CaliperBearer")
public class EventsResource {

    @Inject
    Caller caller;

    @Inject
    CaliperEvents events;

    @GET
    @Operation(operationId = "caliper_event_list", summary = "Stored events of the calling client (every client's for a platform administrator)",
            description = "No internal account id: a platform administrator also sees accountUuid, the account "
                    + "the assignee was linked to.")
    @APIResponse(responseCode = "200", description = "{\"data\":[...], \"nextCursor\": string or null}",
            content = @Content(schema = @Schema(ref = "CaliperEventPage")))
    @APIResponse(responseCode = "400", description = "A bad since/until/limit/cursor")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "A user token that is not a platform administrator's")
    public JsonObject list(@QueryParam("assignee") String assignee, @QueryParam("assignable") String assignable,
            @QueryParam("type") String type, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String client = scope();
        return CaliperJson.page(events.find(new CaliperEvents.Filter(client, assignee, assignable, type, since, until,
                id, limit, cursor)), client == null);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "caliper_event_read", summary = "One stored event by its id")
    @APIResponse(responseCode = "200", description = "The stored event with its filter values",
            content = @Content(schema = @Schema(ref = "CaliperEvent")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "A user token that is not a platform administrator's")
    @APIResponse(responseCode = "404", description = "No such event among the caller's")
    public JsonObject one(@PathParam("id") String id) {
        String client = scope();
        return events.byId(client, id).map(e -> CaliperJson.event(e, client == null))
                .orElseThrow(() -> ApiError.notFound("event-not-found", "Event " + id + " not found"));
    }

    /** The client whose events the caller may see; null for a platform administrator (all, with account links). */
    private String scope() {
        if (caller.isPlatformAdmin()) {
            return null;
        }
        return caller.requireClient();
    }
}
