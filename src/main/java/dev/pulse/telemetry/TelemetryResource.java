package dev.pulse.telemetry;

import dev.pulse.platform.api.BodyLimit;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.security.Caller;
import dev.pulse.platform.security.Capable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * BreatheCode's assignment telemetry endpoints under /v1/assignment/academy. Every operation
 * needs the {@code crud_telemetry} capability in the academy named by the {@code Academy} header.
 * Bodies are read as JSON-P trees so that {@link TelemetryValidator} can name every wrong field.
 * The academy list pages by keyset: the {@code cursor} query parameter names where to start, and
 * each page answers the next one's as {@code next_cursor}.
 */
@Path("/v1/assignment/academy")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "BreatheCode")
@SecurityRequirement(name = "BreatheCodeToken")
@APIResponse(responseCode = "401", description = "No or invalid token")
@APIResponse(responseCode = "403", description = "No Academy header, an inactive academy, or no crud_telemetry capability")
public class TelemetryResource {

    private static final String ONE = "asset/{asset_slug}/user/{user_id}/telemetry";

    @Inject
    Caller caller;

    @Inject
    AssignmentTelemetries telemetries;

    @Context
    UriInfo uri;

    @POST
    @Path(ONE)
    @BodyLimit(BodyLimit.LARGEST)
    @Capable("crud_telemetry")
    @Operation(operationId = "telemetry_academy_upsert", summary = "Create or update a student's telemetry for an asset",
            description = "Upsert: creates the record, or changes only the fields present in the body.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AssignmentTelemetryFields")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetry")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetry")))
    @APIResponse(responseCode = "400", description = "Invalid fields, as {\"field\":[\"message\"]}")
    @APIResponse(responseCode = "404", description = "No such user, or the user is not in the academy")
    @APIResponse(responseCode = "413", description = "Telemetry over 10 MiB")
    public Response upsert(@PathParam("asset_slug") String assetSlug,
            @Parameter(description = "The student's numeric id", required = true) @PathParam("user_id") String userId, String body) {
        AssignmentTelemetries.Upserted result = telemetries.upsert(academy(), userId, assetSlug, parse(body));
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(TelemetryJson.of(result.record()).toString()).build();
    }

    @PUT
    @Path(ONE)
    @BodyLimit(BodyLimit.LARGEST)
    @Capable("crud_telemetry")
    @Operation(operationId = "telemetry_academy_update", summary = "Update an existing telemetry record", description = "Changes only the fields present.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AssignmentTelemetryFields")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetry")))
    @APIResponse(responseCode = "400", description = "Invalid fields, as {\"field\":[\"message\"]}")
    @APIResponse(responseCode = "404", description = "No such user, or no telemetry for this asset and user")
    @APIResponse(responseCode = "413", description = "Telemetry over 10 MiB")
    public Response update(@PathParam("asset_slug") String assetSlug, @PathParam("user_id") String userId,
            String body) {
        AssignmentTelemetry record = telemetries.update(academy(), userId, assetSlug, parse(body));
        return Response.ok(TelemetryJson.of(record).toString()).build();
    }

    @GET
    @Path(ONE)
    @Capable("crud_telemetry")
    @Operation(operationId = "telemetry_academy_read", summary = "A student's telemetry for an asset")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetry")))
    @APIResponse(responseCode = "404", description = "No such user, or no telemetry for this asset and user")
    public Response get(@PathParam("asset_slug") String assetSlug, @PathParam("user_id") String userId) {
        return Response.ok(TelemetryJson.of(telemetries.find(academy(), userId, assetSlug)).toString()).build();
    }

    @DELETE
    @Path(ONE)
    @Capable("crud_telemetry")
    @Operation(operationId = "telemetry_academy_delete", summary = "Delete a student's telemetry for an asset")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user, or no telemetry for this asset and user")
    public Response delete(@PathParam("asset_slug") String assetSlug, @PathParam("user_id") String userId) {
        telemetries.delete(academy(), userId, assetSlug);
        return Response.noContent().build();
    }

    @GET
    @Path("telemetry")
    @Capable("crud_telemetry")
    @Operation(operationId = "telemetry_academy_list", summary = "The academy's telemetry, newest update first",
            description = "Keyset-paginated: pass the answer's next_cursor as ?cursor= for the next page.")
    @APIResponse(responseCode = "200", description = "{\"results\":[…],\"next_cursor\":…,\"next\":…}",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetryPage")))
    @APIResponse(responseCode = "400", description = "A bad limit, cursor or asset slug")
    @APIResponse(responseCode = "404", description = "The cohort is not in this academy")
    public Response list(@Parameter(description = "Only this asset slug") @QueryParam("asset") String asset,
            @Parameter(description = "Only this user (numeric id, email or uuid)") @QueryParam("user") String user,
            @Parameter(description = "Only members of this cohort (slug or id)") @QueryParam("cohort") String cohort,
            @Parameter(description = "Page size, 1–100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        TelemetryListing.Page page = telemetries.list(academy(),
                new TelemetryListing.Filter(asset, user, cohort, limit, cursor));
        JsonArrayBuilder results = JsonBodies.provider().createArrayBuilder();
        page.records().forEach(r -> results.add(TelemetryJson.of(r)));
        JsonObjectBuilder body = JsonBodies.provider().createObjectBuilder().add("results", results);
        if (page.next().isPresent()) {
            String next = page.next().get().encode();
            body.add("next_cursor", next)
                    .add("next", uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build().toString());
        } else {
            body.addNull("next_cursor").addNull("next");
        }
        return Response.ok(body.build().toString()).build();
    }

    private long academy() {
        return caller.academyId().orElseThrow(() -> new IllegalStateException("@Capable did not set the academy"));
    }

    /** The body as a JSON tree; nothing sent means no change. Malformed JSON is the platform's 400. */
    private static JsonValue parse(String body) {
        return body == null || body.isBlank() ? null : JsonBodies.value(body);
    }
}
