package dev.pulse.live;

import dev.pulse.platform.api.BodyLimit;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Times, maps, location images and events: public reads, organiser (platform admin) writes. */
@Path("/live")
@Family(ApiFamily.LIVE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Live")
@SecurityRequirement(name = "LiveToken")
public class ScheduleResource {

    private static final JsonProvider JSON = JsonBodies.provider();

    @Inject
    Schedule schedule;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("times")
    @Operation(operationId = "live_times_read", summary = "The event's start and end and hacking's start and end")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "{data:{event_start_time, event_end_time, hacking_start_time, hacking_end_time}}",
            content = @Content(schema = @Schema(ref = "LiveKeyTimesAnswer")))
    public Response times() {
        return Envelope.ok(schedule.times().toJson());
    }

    @PUT
    @Path("times")
    @Operation(operationId = "live_times_set", summary = "Organisers: set the four key times (ISO 8601)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveKeyTimes")))
    @APIResponse(responseCode = "200", description = "The times now in force",
            content = @Content(schema = @Schema(ref = "LiveKeyTimesAnswer")))
    @APIResponse(responseCode = "400", description = "A time missing, unparsable, or an end not after its start")
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not a platform administrator")
    public Response setTimes(String body) {
        caller.requirePlatformAdmin();
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        var values = KeyTimes.FIELDS.stream().map(fields::time).toList();
        fields.check();
        return Envelope.ok(schedule.setTimes(values.get(0), values.get(1), values.get(2), values.get(3)).toJson());
    }

    @GET
    @Path("maps")
    @Operation(operationId = "live_map_list", summary = "Primary locations by rank, each with the absolute URL of its map image")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "{data:[{id, name, map, rank, is_primary}]}",
            content = @Content(schema = @Schema(ref = "LiveLocationList")))
    public Response maps() {
        JsonArrayBuilder maps = JSON.createArrayBuilder();
        schedule.maps().forEach(l -> maps.add(LocationView.of(l, uri.getBaseUri()).toJson()));
        return Envelope.ok(maps.build());
    }

    @GET
    @Path("locations")
    @Operation(operationId = "live_location_list", summary = "Every location, primary or not (events may take place anywhere)")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "{data:[{id, name, map, rank, is_primary}]}",
            content = @Content(schema = @Schema(ref = "LiveLocationList")))
    public Response locations() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        schedule.locations().forEach(l -> all.add(LocationView.of(l, uri.getBaseUri()).toJson()));
        return Envelope.ok(all.build());
    }

    @GET
    @Path("location/image/{id}")
    @Produces({"image/png", "image/jpeg", "image/svg+xml", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(operationId = "live_location_image_read", summary = "A location's map image, with its content type")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "The image",
            content = {
                @Content(mediaType = "image/png", schema = @Schema(ref = "MapImage")),
                @Content(mediaType = "image/jpeg", schema = @Schema(ref = "MapImage")),
                @Content(mediaType = "image/svg+xml", schema = @Schema(ref = "MapImage")),
                @Content(mediaType = "image/webp", schema = @Schema(ref = "MapImage"))})
    @APIResponse(responseCode = "404", description = "No such location or it has no image")
    public Response image(@PathParam("id") String id) {
        MapImages.Image image = schedule.image(id)
                .orElseThrow(() -> ApiError.notFound("image-not-found", "No map image for location " + id));
        return Response.ok(image.bytes(), image.contentType())
                // uploaded SVG must not run script in our origin
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=60")
                .build();
    }

    @POST
    @Path("locations")
    @BodyLimit(MapImages.MAX_BYTES + BodyLimit.DEFAULT)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "live_location_create", summary = "Organisers: create a location (multipart: name, rank, image PNG/JPEG/SVG/WebP up to 5 MiB)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "LiveLocationUpload")))
    @APIResponse(responseCode = "201", description = "{data:{id, name, map, rank, is_primary}}",
            content = @Content(schema = @Schema(ref = "LiveLocationAnswer")))
    @APIResponse(responseCode = "400", description = "Missing name or bad rank")
    @APIResponse(responseCode = "403", description = "Not a platform administrator")
    @APIResponse(responseCode = "413", description = "Image over 5 MiB")
    @APIResponse(responseCode = "415", description = "Image not PNG, JPEG, SVG or WebP")
    public Response createLocation(List<EntityPart> parts) {
        caller.requirePlatformAdmin();
        Upload upload = Upload.of(parts);
        String name = upload.fields().text("name", 200);
        int rank = upload.fields().optionalInteger("rank", Location.NOT_PRIMARY, 1_000_000).orElse(Location.NOT_PRIMARY);
        upload.fields().check();
        return Envelope.created(LocationView.of(schedule.createLocation(name, rank, upload.image()), uri.getBaseUri()).toJson());
    }

    @PUT
    @Path("locations/{id}")
    @BodyLimit(MapImages.MAX_BYTES + BodyLimit.DEFAULT)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "live_location_update", summary = "Organisers: change a location's name, rank or image (multipart; each part optional)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "LiveLocationUpload")))
    @APIResponse(responseCode = "200", description = "The location",
            content = @Content(schema = @Schema(ref = "LiveLocationAnswer")))
    @APIResponse(responseCode = "404", description = "No such location")
    @APIResponse(responseCode = "413", description = "Image over 5 MiB")
    @APIResponse(responseCode = "415", description = "Image not PNG, JPEG, SVG or WebP")
    public Response updateLocation(@PathParam("id") String id, List<EntityPart> parts) {
        caller.requirePlatformAdmin();
        Upload upload = Upload.of(parts);
        Optional<String> name = upload.fields().optionalText("name", 200);
        Optional<Integer> rank = upload.fields().optionalInteger("rank", Location.NOT_PRIMARY, 1_000_000);
        upload.fields().check();
        return Envelope.ok(LocationView.of(schedule.updateLocation(id, name, rank, upload.image()), uri.getBaseUri()).toJson());
    }

    @DELETE
    @Path("locations/{id}")
    @Operation(operationId = "live_location_delete", summary = "Organisers: delete a location that no event uses")
    @APIResponse(responseCode = "200", description = "{data:{id}}",
            content = @Content(schema = @Schema(ref = "LiveRemoved")))
    @APIResponse(responseCode = "404", description = "No such location")
    @APIResponse(responseCode = "409", description = "Events take place there")
    public Response deleteLocation(@PathParam("id") String id) {
        caller.requirePlatformAdmin();
        schedule.deleteLocation(id);
        return Envelope.ok(JSON.createObjectBuilder().add("id", id).build());
    }

    @GET
    @Path("events")
    @Operation(operationId = "live_event_list", summary = "The schedule, by start time, each event with its location")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "{data:[{id, short_description, long_description, location, start_time, end_time}]}",
            content = @Content(schema = @Schema(ref = "LiveEventList")))
    public Response events() {
        JsonArrayBuilder events = JSON.createArrayBuilder();
        schedule.events().forEach(e -> events.add(EventView.of(e, uri.getBaseUri()).toJson()));
        return Envelope.ok(events.build());
    }

    @POST
    @Path("events")
    @Operation(operationId = "live_event_create", summary = "Organisers: add an event {short_description, long_description, location, start_time, end_time}")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveEventInput")))
    @APIResponse(responseCode = "201", description = "The event",
            content = @Content(schema = @Schema(ref = "LiveEventAnswer")))
    @APIResponse(responseCode = "400", description = "Missing fields, start not before end, or no such location")
    @APIResponse(responseCode = "403", description = "Not a platform administrator")
    public Response createEvent(String body) {
        caller.requirePlatformAdmin();
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        Schedule.EventInput input = new Schedule.EventInput(fields.text("short_description", 200),
                fields.optionalText("long_description", 10_000).orElse(""), fields.reference("location"),
                fields.time("start_time"), fields.time("end_time"));
        fields.check();
        return Envelope.created(EventView.of(schedule.createEvent(input, uri.getBaseUri()), uri.getBaseUri()).toJson());
    }

    @PUT
    @Path("events/{id}")
    @Operation(operationId = "live_event_update", summary = "Organisers: change an event; fields left out keep their values")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveEventInput")))
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(ref = "LiveEventAnswer")))
    @APIResponse(responseCode = "400", description = "Bad fields, start not before end, or no such location")
    @APIResponse(responseCode = "404", description = "No such event")
    public Response updateEvent(@PathParam("id") String id, String body) {
        caller.requirePlatformAdmin();
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        Schedule.EventInput input = new Schedule.EventInput(fields.optionalText("short_description", 200).orElse(null),
                fields.optionalText("long_description", 10_000).orElse(null),
                fields.has("location") ? fields.reference("location") : null,
                fields.optionalTime("start_time").orElse(null), fields.optionalTime("end_time").orElse(null));
        fields.check();
        return Envelope.ok(EventView.of(schedule.updateEvent(id, input, uri.getBaseUri()), uri.getBaseUri()).toJson());
    }

    @DELETE
    @Path("events/{id}")
    @Operation(operationId = "live_event_delete", summary = "Organisers: remove an event")
    @APIResponse(responseCode = "200", description = "{data:{id}}",
            content = @Content(schema = @Schema(ref = "LiveRemoved")))
    @APIResponse(responseCode = "404", description = "No such event")
    public Response deleteEvent(@PathParam("id") String id) {
        caller.requirePlatformAdmin();
        schedule.deleteEvent(id);
        return Envelope.ok(JSON.createObjectBuilder().add("id", id).build());
    }

    /** A multipart location form: its text fields, and its image checked for type and size. */
    private record Upload(JsonFields fields, MapImages.Image image) {

        static Upload of(List<EntityPart> parts) {
            java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
            MapImages.Image image = null;
            for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
                try {
                    if ("image".equals(part.getName())) {
                        byte[] bytes = readAtMost(part.getContent(), MapImages.MAX_BYTES);
                        if (bytes.length > 0) {
                            image = MapImages.accept(part.getMediaType() == null ? null : part.getMediaType().toString(), bytes);
                        }
                    } else if ("name".equals(part.getName()) || "rank".equals(part.getName())) {
                        text.put(part.getName(), new String(readAtMost(part.getContent(), 10_000),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Upload(JsonFields.of(text, LiveFieldMessages.LIVE), image);
        }

        private static byte[] readAtMost(InputStream in, int max) throws IOException {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw max == MapImages.MAX_BYTES ? MapImages.tooLarge()
                        : ApiError.badRequest("field-too-large", "A form field is longer than " + max + " bytes");
            }
            return bytes;
        }
    }
}
