package dev.pulse.live;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Vivere's success envelope, {@code {"data":…,"success":true}}; errors are the platform's job. */
final class Envelope {

    private Envelope() {
    }

    static Response ok(JsonValue data) {
        return respond(200, data);
    }

    static Response created(JsonValue data) {
        return respond(201, data);
    }

    private static Response respond(int status, JsonValue data) {
        String body = Json.createObjectBuilder().add("data", data).add("success", true).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
