package dev.pulse.caliper;

import dev.pulse.platform.api.BodyLimit;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Caliper hub's ingestion endpoints: grade2 single events and Caliper 1.2 envelopes. */
@Path("/analytics")
@Family(ApiFamily.CALIPER)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, CaliperResource.CALIPER_JSON})
@Tag(name = "Caliper")
@SecurityRequirement(name = "CaliperBearer")
public class CaliperResource {

    static final String CALIPER_JSON = "application/vnd.caliper+json";

    @Inject
    Caller caller;

    @Inject
    CaliperIngestion ingestion;

    @POST
    @Path("grade2")
    @BodyLimit(BodyLimit.LARGEST)
    @Operation(operationId = "caliper_grade2_record", summary = "Record one reading/grading event (the hub's grade2 format)")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaliperGrade2Event")),
        @Content(mediaType = CALIPER_JSON, schema = @Schema(ref = "CaliperGrade2Event"))})
    @APIResponse(responseCode = "200", description = "Stored, or already stored with the same content: {\"@context\",\"id\"}",
            content = @Content(schema = @Schema(ref = "CaliperStored")))
    @APIResponse(responseCode = "400", description = "{\"message\":[...]} naming every missing or invalid field")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a client token, or edApp is not the client's")
    @APIResponse(responseCode = "409", description = "The event id was already used for different content")
    @APIResponse(responseCode = "413", description = "Body over 5 MiB")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json or application/vnd.caliper+json")
    public JsonObject grade2(InputStream body, @Parameter(hidden = true) @HeaderParam("Content-Length") String length) {
        String clientId = caller.requireClient();
        return CaliperJson.stored(ingestion.grade2(clientId, CaliperBodyLimit.readObject(body, length)));
    }

    @POST
    @Path("caliper")
    @BodyLimit(BodyLimit.LARGEST)
    @Operation(operationId = "caliper_envelope_receive", summary = "Receive a Caliper 1.2 envelope of up to 1000 events")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaliperEnvelope")),
        @Content(mediaType = CALIPER_JSON, schema = @Schema(ref = "CaliperEnvelope"))})
    @APIResponse(responseCode = "200", description = "Stored: {\"@context\",\"received\",\"stored\",\"alreadyStored\",\"rejected\":[{index,id,message[]}]}",
            content = @Content(schema = @Schema(ref = "CaliperReceipt")))
    @APIResponse(responseCode = "400", description = "An invalid envelope or event (all-or-nothing mode), or a repeated event id")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a client token, or an event's edApp is not the client's")
    @APIResponse(responseCode = "409", description = "An event id was already used for different content (nothing stored)")
    @APIResponse(responseCode = "413", description = "Body over 5 MiB")
    @APIResponse(responseCode = "415", description = "Unsupported Content-Type")
    @APIResponse(responseCode = "422", description = "Unsupported dataVersion")
    public JsonObject envelope(InputStream body, @Parameter(hidden = true) @HeaderParam("Content-Length") String length,
            @Parameter(description = "true: store the valid events and list the rejected ones")
            @QueryParam("partial") boolean partial) {
        String clientId = caller.requireClient();
        return CaliperJson.receipt(ingestion.envelope(clientId, CaliperBodyLimit.readObject(body, length), partial));
    }

    @GET
    @Path("caliper")
    @Operation(operationId = "caliper_configuration_read", summary = "The endpoint's Caliper configuration (supported versions, payload limit)")
    @APIResponse(responseCode = "200", description = "The endpoint configuration",
            content = @Content(schema = @Schema(ref = "CaliperConfiguration")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a client token")
    public JsonObject configuration() {
        caller.requireClient();
        return CaliperJson.configuration();
    }
}
