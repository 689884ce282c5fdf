package dev.pulse.groups;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily.SunbirdEnvelope;
import dev.pulse.platform.api.RequestIds;
import dev.pulse.platform.security.Caller;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Runs one Sunbird operation: checks the Sunbird credential pair, wraps the result in the envelope
 * (msgid echoing X-Request-ID), and labels any failure with the operation's API id so that the
 * platform renders it as that operation's failed envelope.
 */
final class SunbirdResponses {

    private SunbirdResponses() {
    }

    static Response respond(String apiId, Caller caller, Supplier<JsonObject> operation) {
        try {
            requireUserThroughClient(caller);
            JsonObject result = operation.get();
            return Response.ok(SunbirdEnvelope.ok(apiId, RequestIds.current(), result).toString(),
                    MediaType.APPLICATION_JSON_TYPE).build();
        } catch (ApiError e) {
            throw e.apiId() == null ? e.forApi(apiId) : e;
        }
    }

    /** Sunbird's pair: the API key of a registered client and the token of the user it acts for. */
    private static void requireUserThroughClient(Caller caller) {
        caller.requireUser();
        if (caller.clientId().isEmpty()) {
            throw ApiError.unauthorized("Send the API key as 'Authorization: Bearer <client token>' and the user's "
                    + "token as 'x-authenticated-user-token'");
        }
    }
}
