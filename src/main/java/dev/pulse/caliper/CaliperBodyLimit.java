package dev.pulse.caliper;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a Caliper request body under the Caliper endpoints' own size limit (5 MiB, below the
 * platform limit their {@code @BodyLimit} sets) and hands it to {@link JsonBodies}; validation then names every field itself.
 */
final class CaliperBodyLimit {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    private CaliperBodyLimit() {
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
        if (isJsonWhiteSpace(bytes)) {
            // JsonBodies.object reads white space alone as {}; Caliper has always answered it as malformed
            // JSON, which is what JsonBodies.value throws for blank text
            JsonBodies.value("");
        }
        return JsonBodies.object(new ByteArrayInputStream(bytes));
    }

    private static boolean isJsonWhiteSpace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "payload-too-large",
                "Request body is larger than the Caliper limit of " + MAX_BYTES + " bytes");
    }
}
