package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(String slug, String message, org.junit.jupiter.api.function.Executable read) {
        ApiError error = assertThrows(ApiError.class, read);
        assertEquals(400, error.status());
        assertEquals(slug, error.slug());
        assertEquals(message, error.getMessage());
    }

    @Test
    void anObjectBodyIsReadFromTextOrStream() {
        assertEquals(1, JsonBodies.object("{\"a\":1}").getInt("a"));
        assertEquals(1, JsonBodies.object(stream("{\"a\":1}")).getInt("a"));
    }

    @Test
    void noBodyIsAnObjectWithoutFields() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonBodies.object((String) null));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonBodies.object(" \n"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonBodies.object((InputStream) null));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonBodies.object(stream(" \r\n\t")));
    }

    @Test
    void malformedJsonIsA400() {
        assertError("malformed-json", "Malformed JSON in the request body", () -> JsonBodies.object("{\"a\":"));
        assertError("malformed-json", "Malformed JSON in the request body", () -> JsonBodies.object(stream("{\"a\":")));
        assertError("malformed-json", "Malformed JSON in the request body", () -> JsonBodies.value(""));
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() {
        assertError("invalid-body", "The request body must be a JSON object", () -> JsonBodies.object("[1]"));
        assertError("invalid-body", "The request body must be a JSON object", () -> JsonBodies.object(stream("\"x\"")));
    }

    @Test
    void anyValueCanBeReadOrTriedWithoutAnError() {
        assertEquals(JsonValue.ValueType.ARRAY, JsonBodies.value("[1,2]").getValueType());
        assertTrue(JsonBodies.parse("nope").isEmpty());
        assertTrue(JsonBodies.parse((String) null).isEmpty());
        assertEquals(JsonValue.TRUE, JsonBodies.parse("true").orElseThrow());
    }

    @Test
    void aStreamThatFailsKeepsItsCause() {
        IOException tooLarge = new IOException("over the limit");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw tooLarge;
            }
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> JsonBodies.object(failing));
        assertEquals(tooLarge, e.getCause());
    }

    @Test
    void numbersBeyondAFloatsRangeCannotBeStoredWhereverTheySit() {
        // jsonb writes numbers out in full and refuses 1e131072 and 1e-16384 outright
        for (String text : List.of("1e309", "-1e400", "1e131072", "1e-342", "0e-20000", "1.5e-16382")) {
            assertEquals(Optional.of(JsonBodies.Unstorable.NUMBER_OUT_OF_RANGE),
                    JsonBodies.unstorable(JsonBodies.value("{\"a\":[{\"b\":" + text + "}]}")), text);
        }
        for (String text : List.of("0", "-12.5", "1.7976931348623157e308", "4.9e-324", "123456789012345678901234567890")) {
            assertEquals(Optional.empty(), JsonBodies.unstorable(JsonBodies.value("[" + text + "]")), text);
        }
    }

    @Test
    void aNulCharacterInANameOrAStringCannotBeStored() {
        assertEquals(Optional.of(JsonBodies.Unstorable.NUL_CHARACTER),
                JsonBodies.unstorable(JsonBodies.value("{\"a\\u0000\":1}")));
        assertEquals(Optional.of(JsonBodies.Unstorable.NUL_CHARACTER),
                JsonBodies.unstorable(JsonBodies.value("[[\"x\\u0000\"]]")));
    }
}
