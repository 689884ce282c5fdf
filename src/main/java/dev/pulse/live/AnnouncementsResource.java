package dev.pulse.live;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.api.OpenApiContract;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Announcements: the public list since a date, organiser writes, and the SMS webhook. */
@Path("/live/announcements")
@Family(ApiFamily.LIVE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Live")
@SecurityRequirement(name = "LiveToken")
public class AnnouncementsResource {

    private static final JsonProvider JSON = JsonBodies.provider();

    static final String SECRET_HEADER = "X-Pulse-Webhook-Secret";

    @Inject
    AnnouncementBoard board;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperty(name = "PULSE_SMS_WEBHOOK_SECRET")
    Optional<String> webhookSecret;

    @GET
    @Operation(operationId = "live_announcement_list", summary = "Announcements made after since_date (ISO 8601, default the epoch) and not in the future, newest first")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "{data:[{id, message, time}]}",
            content = @Content(schema = @Schema(ref = "LiveAnnouncementList")))
    @APIResponse(responseCode = "400", description = "since_date is not an ISO 8601 date")
    public Response since(@QueryParam("since_date") String sinceDate) {
        Instant since = sinceDate == null || sinceDate.isBlank() ? Instant.EPOCH
                : LiveTime.parse(sinceDate).orElseThrow(() -> LiveFieldMessages.LIVE.invalid("since_date", "Must be an ISO 8601 date, like 2017-02-22T21:44:27Z."));
        JsonArrayBuilder list = JSON.createArrayBuilder();
        board.since(since).forEach(a -> list.add(AnnouncementView.of(a).toJson()));
        return Envelope.ok(list.build());
    }

    @POST
    @Operation(operationId = "live_announcement_create", summary = "Organisers: make an announcement {message, time?}")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveAnnouncementInput")))
    @APIResponse(responseCode = "201", description = "The announcement",
            content = @Content(schema = @Schema(ref = "LiveAnnouncementAnswer")))
    @APIResponse(responseCode = "400", description = "Missing, blank or too long message; bad time")
    @APIResponse(responseCode = "403", description = "Not a platform administrator")
    public Response make(String body) {
        caller.requirePlatformAdmin();
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        String message = fields.text("message", Announcement.MAX_MESSAGE);
        Optional<Instant> time = fields.optionalTime("time");
        fields.check();
        return Envelope.created(AnnouncementView.of(board.make(message, time.orElse(null), Announcement.Source.organiser)).toJson());
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "live_announcement_update", summary = "Organisers: correct an announcement {message, time?}")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveAnnouncementInput")))
    @APIResponse(responseCode = "200", description = "The announcement",
            content = @Content(schema = @Schema(ref = "LiveAnnouncementAnswer")))
    @APIResponse(responseCode = "404", description = "No such announcement")
    public Response change(@PathParam("id") String id, String body) {
        caller.requirePlatformAdmin();
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        String message = fields.text("message", Announcement.MAX_MESSAGE);
        Optional<Instant> time = fields.optionalTime("time");
        fields.check();
        return Envelope.ok(AnnouncementView.of(board.change(id, message, time.orElse(null))).toJson());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "live_announcement_delete", summary = "Organisers: withdraw an announcement")
    @APIResponse(responseCode = "200", description = "{data:{id}}",
            content = @Content(schema = @Schema(ref = "LiveRemoved")))
    @APIResponse(responseCode = "404", description = "No such announcement")
    public Response remove(@PathParam("id") String id) {
        caller.requirePlatformAdmin();
        board.remove(id);
        return Envelope.ok(JSON.createObjectBuilder().add("id", id).build());
    }

    @POST
    @Path("sms")
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(operationId = "live_announcement_sms_receive", summary = "Webhook: an organiser's text message, as plain text or as an SMS gateway's form post (Twilio style, the text in Body); secret in the X-Pulse-Webhook-Secret header only, never the URL (URLs end up in proxy logs)")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "SmsForm"))})
    @APIResponse(responseCode = "201", description = "The announcement",
            content = @Content(schema = @Schema(ref = "LiveAnnouncementAnswer")))
    @APIResponse(responseCode = "400", description = "Empty or too long message")
    @APIResponse(responseCode = "401", description = "Wrong or missing secret, or the webhook is not configured")
    public Response textedIn(@HeaderParam(SECRET_HEADER) String secret, String body) {
        return fromSms(secret, body);
    }

    @POST
    @Path("sms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // The same operation as its twin above, word for word: Payara keeps whichever twin it reads last.
    @Operation(operationId = "live_announcement_sms_receive", summary = "Webhook: an organiser's text message, as plain text or as an SMS gateway's form post (Twilio style, the text in Body); secret in the X-Pulse-Webhook-Secret header only, never the URL (URLs end up in proxy logs)")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "SmsForm"))})
    @APIResponse(responseCode = "201", description = "The announcement",
            content = @Content(schema = @Schema(ref = "LiveAnnouncementAnswer")))
    @APIResponse(responseCode = "400", description = "Empty or too long message")
    @APIResponse(responseCode = "401", description = "Wrong or missing secret, or the webhook is not configured")
    public Response textedInByForm(@HeaderParam(SECRET_HEADER) String secret, MultivaluedMap<String, String> form) {
        // the whole form, as the token endpoint reads it: with @FormParam, Payara documented neither twin's body
        return fromSms(secret, form.getFirst("Body"));
    }

    private Response fromSms(String secret, String text) {
        if (webhookSecret.isEmpty() || webhookSecret.get().isBlank() || secret == null
                || !MessageDigest.isEqual(webhookSecret.get().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.unauthorized("Invalid webhook secret.");
        }
        JsonFields fields = JsonFields.of(java.util.Map.of("message", text == null ? "" : text), LiveFieldMessages.LIVE);
        String message = fields.text("message", Announcement.MAX_MESSAGE);
        fields.check();
        return Envelope.created(AnnouncementView.of(board.make(message, null, Announcement.Source.sms)).toJson());
    }
}
