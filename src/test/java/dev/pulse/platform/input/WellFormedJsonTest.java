package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.input.JsonBodies.Reading;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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
        assertEquals(Reading.MALFORMED, JsonBodies.read(bytes("{\"name\":\"x\",\"extra\":{\"a\":")));
        assertEquals(Reading.MALFORMED, JsonBodies.read(bytes("{\"name\":\"x\"} trailing")));
        assertEquals(Reading.MALFORMED, JsonBodies.read(bytes("[".repeat(5_000) + "]".repeat(5_000))), "past the nesting limit");
        assertEquals(Reading.WELL_FORMED, JsonBodies.read(bytes("{\"name\":\"x\",\"extra\":{\"a\":[1,2]}}")));
    }

    @Test
    void aNulCharacterAnywhereInTheTextCannotBeBound() {
        assertEquals(Reading.NUL_CHARACTER, JsonBodies.read(bytes("{\"request\":{\"activityId\":\"a\\u0000b\"}}")));
        assertEquals(Reading.NUL_CHARACTER, JsonBodies.read(bytes("{\"extra\":[{\"k\\u0000\":1}]}")), "in a member name");
        assertEquals(Reading.WELL_FORMED, JsonBodies.read(bytes("{\"name\":\"a\\\\u0000b\"}")),
                "an escaped backslash followed by u0000 is plain text");
    }

    @Test
    void theAnswerNamesTheMemberHoldingTheNulCharacter() {
        assertEquals(Set.of("email"), nulField("{\"password\":\"p\",\"email\":\"a\\u0000b\"}"));
        assertEquals(Set.of("request.activityId"),
                nulField("{\"request\":{\"groupId\":\"g\",\"activityId\":\"a\\u0000\"}}"));
        assertEquals(Set.of("request.members.add.userId"), nulField(
                "{\"request\":{\"members\":{\"add\":[{\"userId\":\"u\",\"role\":\"x\"},{\"userId\":\"\\u0000\"}]}}}"));
        assertEquals(Set.of("request.members.remove"), nulField("{\"request\":{\"members\":{\"remove\":[\"a\",\"\\u0000\"]}}}"));
        assertEquals(Set.of("request.extra\u0000"), nulField("{\"request\":{\"extra\\u0000\":1}}"));
        assertEquals(Set.of("body"), nulField("\"\\u0000\""));
    }

    private static Set<String> nulField(String body) {
        return JsonBodies.nulCharacter(bytes(body)).fieldErrors().keySet();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
