package dev.pulse.live;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Vivere's success envelope, {@code {"data":…,"success":true}}; errors are the platform's job. */
final class Envelope {

    private static final JsonProvider JSON = JsonBodies.provider();

    private Envelope() {
    }

    static Response ok(JsonValue data) {
        return respond(200, data);
    }

    static Response created(JsonValue data) {
        return respond(201, data);
    }

    /** A page of a listing: its rows, and {@code next_cursor} when there are more (null on the last page). */
    static Response page(JsonValue data, java.util.Optional<String> nextCursor) {
        var body = JSON.createObjectBuilder().add("data", data).add("success", true);
        nextCursor.ifPresentOrElse(c -> body.add("next_cursor", c), () -> body.addNull("next_cursor"));
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response respond(int status, JsonValue data) {
        String body = JSON.createObjectBuilder().add("data", data).add("success", true).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
