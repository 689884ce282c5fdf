package dev.pulse.caliper;

import dev.pulse.platform.api.ApiError;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a Caliper request body with JSON-P (so validation can name every field itself) under the
 * Caliper endpoints' own size limit, which is below the platform-wide one.
 */
final class CaliperBodies {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** One provider for the package: Json.createXxx would look it up through the ServiceLoader on every call. */
    static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    private CaliperBodies() {
    }

    static JsonObject readObject(InputStream body, String contentLength) {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > MAX_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                // a bad header: the bounded read below still applies
            }
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            // the platform's own limit (or a broken connection) interrupted the read
            if (e.getClass().getSimpleName().equals("TooLarge")) {
                throw tooLarge();
            }
            throw ApiError.badRequest("unreadable-body", "The request body could not be read");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            throw ApiError.badRequest("empty-body", "The request body is empty; send a JSON object");
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw ApiError.badRequest("malformed-json", "Malformed JSON in the request body");
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiError.badRequest("malformed-json", "The request body must be a JSON object");
        }
        return object;
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "payload-too-large",
                "Request body is larger than the Caliper limit of " + MAX_BYTES + " bytes");
    }
}
