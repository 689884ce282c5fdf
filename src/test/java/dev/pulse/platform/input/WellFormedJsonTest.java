package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WellFormedJsonTest {

    private record Body(String name) {
    }

    @Test
    void onlyJsonBoundToOurOwnClassesIsCheckedFirst() {
        assertTrue(WellFormedJson.boundByJsonb(Body.class, "json"));
        assertTrue(WellFormedJson.boundByJsonb(Body.class, "vnd.caliper+json"));
        assertFalse(WellFormedJson.boundByJsonb(Body.class, "plain"));
        assertFalse(WellFormedJson.boundByJsonb(String.class, "json"));
        assertFalse(WellFormedJson.boundByJsonb(JsonObject.class, "json"));
        assertFalse(WellFormedJson.boundByJsonb(InputStream.class, "json"));
    }

    @Test
    void aTextCutOffInsideAMemberIsNotWellFormed() {
        assertFalse(JsonBodies.isWellFormed(bytes("{\"name\":\"x\",\"extra\":{\"a\":")));
        assertFalse(JsonBodies.isWellFormed(bytes("{\"name\":\"x\"} trailing")));
        assertFalse(JsonBodies.isWellFormed(bytes("[".repeat(5_000) + "]".repeat(5_000))), "past the nesting limit");
        assertTrue(JsonBodies.isWellFormed(bytes("{\"name\":\"x\",\"extra\":{\"a\":[1,2]}}")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
