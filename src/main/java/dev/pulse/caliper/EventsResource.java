package dev.pulse.caliper;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The query API over stored Caliper events: a client's own events, newest first, keyset-paged. */
@Path("/analytics/events")
@Family(ApiFamily.CALIPER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caliper")
public class EventsResource {

    @Inject
    Caller caller;

    @Inject
    CaliperEvents events;

    @GET
    @Operation(summary = "Stored events of the calling client (every client's for a platform administrator)")
    @APIResponse(responseCode = "200", description = "{\"data\":[...], \"nextCursor\": string or null}")
    @APIResponse(responseCode = "400", description = "A bad since/until/limit/cursor")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "A user token that is not a platform administrator's")
    public JsonObject list(@QueryParam("assignee") String assignee, @QueryParam("assignable") String assignable,
            @QueryParam("type") String type, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        CaliperEvents.Page page = events.find(new CaliperEvents.Filter(scope(), assignee, assignable, type, since, until,
                id, limit, cursor));
        JsonArrayBuilder data = CaliperBodies.JSON.createArrayBuilder();
        page.events().forEach(e -> data.add(json(e)));
        JsonObjectBuilder body = CaliperBodies.JSON.createObjectBuilder().add("data", data);
        if (page.nextCursor() == null) {
            body.addNull("nextCursor");
        } else {
            body.add("nextCursor", page.nextCursor());
        }
        return body.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One stored event by its id")
    @APIResponse(responseCode = "200", description = "The stored event with its filter values")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "A user token that is not a platform administrator's")
    @APIResponse(responseCode = "404", description = "No such event among the caller's")
    public JsonObject one(@PathParam("id") String id) {
        return events.byId(scope(), id).map(EventsResource::json)
                .orElseThrow(() -> ApiError.notFound("event-not-found", "Event " + id + " not found"));
    }

    /** The client whose events the caller may see; null for a platform administrator (all). */
    private String scope() {
        if (caller.isPlatformAdmin()) {
            return null;
        }
        return caller.requireClient();
    }

    private static JsonObject json(StoredEvent e) {
        JsonObjectBuilder b = CaliperBodies.JSON.createObjectBuilder()
                .add("id", e.eventId())
                .add("type", e.type())
                .add("clientId", e.clientId())
                .add("eventTime", e.eventTime().toString())
                .add("receivedAt", e.receivedAt().toString());
        text(b, "action", e.action());
        text(b, "profile", e.profile());
        text(b, "assignee", e.assignee());
        text(b, "assignable", e.assignable());
        text(b, "edApp", e.edApp());
        text(b, "completion", e.completion());
        instant(b, "dateCreated", e.createdTime());
        if (e.accountId() == null) {
            b.addNull("accountId");
        } else {
            b.add("accountId", e.accountId());
        }
        number(b, "scoreGiven", e.scoreGiven());
        number(b, "maxScore", e.maxScore());
        try (JsonReader reader = CaliperBodies.JSON.createReader(new StringReader(e.payload()))) {
            b.add("event", reader.readObject());
        }
        return b.build();
    }

    private static void text(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static void instant(JsonObjectBuilder b, String key, Instant value) {
        text(b, key, value == null ? null : value.toString());
    }

    private static void number(JsonObjectBuilder b, String key, Double value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }
}
