package dev.pulse.telemetry;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.BodyLimit;
import dev.pulse.platform.api.Family;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LearnPack's own path: the URL of a package's {@code learn.json} ({@code telemetry.batch}), to which the
 * LearnPack IDE posts the student's whole telemetry blob with the student's token ({@code Authorization:
 * Token …}, no {@code Academy} header). The record it writes is the one the academy endpoint
 * {@code /v1/assignment/academy/asset/{slug}/user/{id}/telemetry} reads, keyed by the blob's {@code slug};
 * answers are that endpoint's.
 */
@Path("/v1/assignment/me/telemetry")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "BreatheCode")
@SecurityRequirement(name = "BreatheCodeToken")
@APIResponse(responseCode = "401", description = "No or invalid token")
@APIResponse(responseCode = "403", description = "No upload_assignment_telemetry in any academy of the student, "
        + "or a user_id that is not the caller's")
public class MyTelemetryResource {

    @Inject
    AssignmentTelemetries telemetries;

    @POST
    @BodyLimit(BodyLimit.LARGEST)
    @Operation(operationId = "telemetry_me_upsert", summary = "Record the calling student's LearnPack telemetry for an asset",
            description = "The body is LearnPack's telemetry blob, stored whole; its slug names the asset. Upsert: "
                    + "the blob replaces the stored one, and global_metrics.completion_rate and global_indicators "
                    + "fill completion_rate, engagement_score and frustration_score.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LearnPackTelemetry")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetry")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetry")))
    @APIResponse(responseCode = "400", description = "Not a JSON object, no slug, or several academies and no academy_id")
    @APIResponse(responseCode = "413", description = "Telemetry over 10 MiB")
    public Response upsert(@Parameter(description = "LearnPack's asset id(s): a number, a comma list, repeated or "
            + "empty; kept in the blob as asset_id") @QueryParam("asset_id") List<String> assetIds, String body) {
        AssignmentTelemetries.Upserted result = telemetries.upsertOwn(body, assetIds);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(TelemetryJson.of(result.record()).toString()).build();
    }

    @PUT
    @BodyLimit(BodyLimit.LARGEST)
    @Operation(operationId = "telemetry_me_update", summary = "Update the calling student's existing telemetry for an asset",
            description = "As POST, but only an existing record changes.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LearnPackTelemetry")))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(ref = "AssignmentTelemetry")))
    @APIResponse(responseCode = "400", description = "Not a JSON object, no slug, or several academies and no academy_id")
    @APIResponse(responseCode = "404", description = "No telemetry for this asset and student")
    @APIResponse(responseCode = "413", description = "Telemetry over 10 MiB")
    public Response update(@QueryParam("asset_id") List<String> assetIds, String body) {
        return Response.ok(TelemetryJson.of(telemetries.updateOwn(body, assetIds)).toString()).build();
    }
}
