package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pulse.platform.api.ApiError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaliperBodyLimitTest {

    private static ApiError refused(String body, String contentLength) {
        return assertThrows(ApiError.class, () -> CaliperBodyLimit.readObject(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), contentLength));
    }

    @Test
    void anObjectIsRead() {
        assertEquals("x", CaliperBodyLimit.readObject(
                new ByteArrayInputStream("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)), null).getString("id"));
    }

    @Test
    void anEmptyBodyWhiteSpaceBadJsonAndNonObjectsAre400() {
        assertEquals(List.of("The request body is empty; send a JSON object"), refused("", null).messages());
        assertEquals(List.of("Malformed JSON in the request body"), refused(" \n ", null).messages());
        assertEquals(List.of("Malformed JSON in the request body"), refused("{\"id\": ", null).messages());
        ApiError array = refused("[1,2]", null);
        assertEquals(400, array.status());
        assertEquals(List.of("The request body must be a JSON object"), array.messages());
    }

    @Test
    void aBodyOverFiveMebibytesIs413WhetherAnnouncedOrNot() {
        String message = "Request body is larger than the Caliper limit of 5242880 bytes";
        assertEquals(413, refused("{}", "5242881").status());
        ApiError read = refused("{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}", null);
        assertEquals(413, read.status());
        assertEquals(List.of(message), read.messages());
    }
}
