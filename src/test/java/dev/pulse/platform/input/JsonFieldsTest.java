package dev.pulse.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static final FieldMessages NAMING = new BreatheCodeFieldMessages() {
        @Override
        public String attach(String field, String message) {
            return field + ": " + message;
        }
    };

    private static JsonFields fields(String json) {
        return JsonFields.of(JsonBodies.object(json), FieldMessages.BREATHECODE);
    }

    private static Map<String, List<String>> problems(JsonFields fields) {
        ApiError error = assertThrows(ApiError.class, fields::check);
        assertEquals(400, error.status());
        assertEquals("invalid-input", error.slug());
        return error.fieldErrors();
    }

    private static List<String> only(JsonFields fields, String name) {
        Map<String, List<String>> problems = problems(fields);
        assertEquals(List.of(name), List.copyOf(problems.keySet()));
        return problems.get(name);
    }

    @Test
    void textIsTrimmedAndCheckPassesWhenEveryFieldIsRight() {
        JsonFields f = fields("{\"name\":\"  Ada  \"}");
        assertEquals("Ada", f.text("name", 3));
        assertSame(f, f.check());
        assertTrue(f.isValid());
    }

    @Test
    void aMissingOrNullRequiredFieldIsRequired() {
        JsonFields f = fields("{\"b\":null}");
        assertNull(f.text("a", 10));
        assertNull(f.text("b", 10));
        assertEquals(Map.of("a", List.of("This field is required."), "b", List.of("This field is required.")),
                problems(f));
    }

    @Test
    void textProblemsAreWordedLikeDjangoRestFramework() {
        assertEquals(List.of("This field may not be blank."), only(with(f -> f.text("a", 5), "{\"a\":\"   \"}"), "a"));
        assertEquals(List.of("Not a valid string."), only(with(f -> f.text("a", 5), "{\"a\":7}"), "a"));
        assertEquals(List.of("Ensure this field has no more than 5 characters."),
                only(with(f -> f.text("a", 5), "{\"a\":\"abcdef\"}"), "a"));
        assertEquals(List.of("Null characters are not allowed."),
                only(with(f -> f.text("a", 5), "{\"a\":\"a\\u0000b\"}"), "a"));
    }

    @Test
    void optionalTextIsEmptyWhenAbsentAndCheckedWhenPresent() {
        JsonFields f = fields("{\"a\":\" x \"}");
        assertEquals(Optional.of("x"), f.optionalText("a", 1));
        assertEquals(Optional.empty(), f.optionalText("b", 1));
        assertTrue(f.isValid());
    }

    @Test
    void verbatimTextKeepsSpacesAndMayBeBlank() {
        JsonFields f = fields("{\"a\":\"  \",\"b\":\" x \",\"c\":\"abcd\"}");
        assertEquals(Optional.of("  "), f.optionalVerbatim("a", 5));
        assertEquals(Optional.of(" x "), f.optionalVerbatim("b", 3));
        assertEquals(Optional.empty(), f.optionalVerbatim("c", 3));
        assertEquals(List.of("Ensure this field has no more than 3 characters."), only(f, "c"));
    }

    @Test
    void aSecretIsNeverTrimmed() {
        JsonFields f = fields("{\"p\":\" secret \"}");
        assertEquals(" secret ", f.secret("p", 20));
        assertTrue(f.isValid());
        assertEquals(List.of("This field is required."), only(with(f2 -> f2.secret("p", 5), "{}"), "p"));
        assertEquals(List.of("This field may not be blank."), only(with(f2 -> f2.secret("p", 5), "{\"p\":\" \"}"), "p"));
        assertEquals(List.of("Not a valid string."), only(with(f2 -> f2.secret("p", 5), "{\"p\":1}"), "p"));
        assertEquals(List.of("Ensure this field has no more than 5 characters."),
                only(with(f2 -> f2.secret("p", 5), "{\"p\":\"123456\"}"), "p"));
    }

    @Test
    void aFamilyMayWordSecretProblemsAsOne() {
        FieldMessages live = new BreatheCodeFieldMessages() {
            @Override
            public String secretBlank(int max) {
                return "Must be a non-blank string of at most " + max + " characters.";
            }
        };
        JsonFields f = JsonFields.of(JsonBodies.object("{\"p\":\"\"}"), live);
        f.secret("p", 9);
        assertEquals(List.of("Must be a non-blank string of at most 9 characters."), only(f, "p"));
    }

    @Test
    void integersAreJsonNumbersOrNumericText() {
        JsonFields f = fields("{\"a\":5,\"b\":\" 7 \",\"c\":3.0,\"d\":-2}");
        assertEquals(5, f.integer("a", 0, 10));
        assertEquals(7, f.integer("b", 0, 10));
        assertEquals(3, f.integer("c", 0, 10));
        assertEquals(Optional.of(-2), f.optionalInteger("d", -5, 10));
        assertEquals(Optional.empty(), f.optionalInteger("e", 0, 10));
        assertTrue(f.isValid());
    }

    @Test
    void integerProblemsNameTheBound() {
        assertEquals(List.of("A valid integer is required."), only(with(f -> f.integer("a", 0, 9), "{\"a\":1.5}"), "a"));
        assertEquals(List.of("A valid integer is required."), only(with(f -> f.integer("a", 0, 9), "{\"a\":\"x\"}"), "a"));
        assertEquals(List.of("A valid integer is required."), only(with(f -> f.integer("a", 0, 9), "{\"a\":true}"), "a"));
        assertEquals(List.of("A valid integer is required."),
                only(with(f -> f.integer("a", 0, 9), "{\"a\":1e999999999}"), "a"));
        assertEquals(List.of("Ensure this value is greater than or equal to 0."),
                only(with(f -> f.integer("a", 0, 9), "{\"a\":-1}"), "a"));
        assertEquals(List.of("Ensure this value is less than or equal to 9."),
                only(with(f -> f.integer("a", 0, 9), "{\"a\":10}"), "a"));
        assertEquals(List.of("Ensure this value is less than or equal to 2147483647."),
                only(with(f -> f.integer("a", 0, Integer.MAX_VALUE), "{\"a\":2147483648}"), "a"));
        assertEquals(List.of("This field is required."), only(with(f -> f.integer("a", 0, 9), "{}"), "a"));
    }

    @Test
    void longIdsArePositive() {
        JsonFields f = fields("{\"a\":9007199254740993,\"b\":\"12\"}");
        assertEquals(9007199254740993L, f.longId("a"));
        assertEquals(Optional.of(12L), f.optionalLongId("b"));
        assertTrue(f.isValid());
        assertEquals(List.of("Ensure this value is greater than or equal to 1."),
                only(with(x -> x.longId("a"), "{\"a\":0}"), "a"));
        assertEquals(List.of("A valid integer is required."),
                only(with(x -> x.longId("a"), "{\"a\":\"12a\"}"), "a"));
    }

    @Test
    void referencesAreStringsOrPositiveWholeNumbers() {
        JsonFields f = fields("{\"a\":\" ada@example.com \",\"b\":42,\"c\":42.0}");
        assertEquals("ada@example.com", f.reference("a"));
        assertEquals("42", f.reference("b"));
        assertEquals(Optional.of("42"), f.optionalReference("c"));
        assertEquals(Optional.empty(), f.optionalReference("d"));
        assertTrue(f.isValid());
        for (String bad : List.of("\" \"", "0", "-3", "1.5", "9223372036854775808", "true", "{}",
                "\"" + "a".repeat(255) + "\"", "\"a\\u0000\"")) {
            assertEquals(List.of("Give a slug, an email or a numeric id."),
                    only(with(x -> x.reference("a"), "{\"a\":" + bad + "}"), "a"), bad);
        }
        assertEquals(List.of("This field is required."), only(with(x -> x.reference("a"), "{}"), "a"));
    }

    @Test
    void timesAreIsoWithOffsetOrADateAndMustBeStorable() {
        JsonFields f = fields("{\"a\":\"2026-11-23T10:00:00+01:00\",\"b\":\"2026-11-23\"}");
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), f.time("a"));
        assertEquals(Optional.of(Instant.parse("2026-11-23T00:00:00Z")), f.optionalTime("b"));
        assertTrue(f.isValid());
        String wrong = "Datetime has wrong format. Use ISO 8601, e.g. 2026-11-23T10:00:00Z or 2026-11-23.";
        assertEquals(List.of(wrong), only(with(x -> x.time("a"), "{\"a\":\"2026-11-23T10:00:00\"}"), "a"));
        assertEquals(List.of(wrong), only(with(x -> x.time("a"), "{\"a\":12}"), "a"));
        assertEquals(List.of("Datetime out of range."),
                only(with(x -> x.time("a"), "{\"a\":\"+300000-01-01T00:00:00Z\"}"), "a"));
        assertEquals(List.of("This field is required."), only(with(x -> x.time("a"), "{}"), "a"));
    }

    @Test
    void aFamilyChoosesItsTimeForm() {
        FieldMessages local = new BreatheCodeFieldMessages() {
            @Override
            public StorableTime.Form timeForm() {
                return StorableTime.Form.LOCAL_AS_UTC;
            }

            @Override
            public String notADateTimeString() {
                return "Must be an ISO 8601 date-time string.";
            }
        };
        JsonFields f = JsonFields.of(JsonBodies.object("{\"a\":\"2017-02-22T21:44:27\",\"b\":1}"), local);
        assertEquals(Instant.parse("2017-02-22T21:44:27Z"), f.time("a"));
        f.time("b");
        assertEquals(List.of("Must be an ISO 8601 date-time string."), only(f, "b"));
    }

    @Test
    void booleansObjectsAndArrays() {
        JsonFields f = fields("{\"a\":true,\"b\":false,\"o\":{\"x\":1},\"l\":[1]}");
        assertTrue(f.bool("a"));
        assertEquals(Optional.of(false), f.optionalBool("b"));
        assertEquals(1, f.object("o").getInt("x"));
        assertEquals(1, f.array("l").size());
        assertEquals(Optional.empty(), f.optionalObject("none"));
        assertEquals(Optional.empty(), f.optionalArray("none"));
        assertTrue(f.isValid());
        assertEquals(List.of("Must be a valid boolean."), only(with(x -> x.bool("a"), "{\"a\":\"true\"}"), "a"));
        assertEquals(List.of("Value must be valid JSON object."), only(with(x -> x.object("a"), "{\"a\":[]}"), "a"));
        assertEquals(List.of("Expected a list of items."), only(with(x -> x.array("a"), "{\"a\":{}}"), "a"));
        assertEquals(List.of("This field is required."), only(with(x -> x.array("a"), "{}"), "a"));
    }

    @Test
    void slugsAreCheckedForPatternAndLengthApart() {
        JsonFields f = fields("{\"a\":\" todo-list_2 \"}");
        assertEquals("todo-list_2", f.slug("a"));
        assertTrue(f.isValid());
        String notASlug = "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens.";
        assertEquals(List.of(notASlug), only(with(x -> x.slug("a"), "{\"a\":\"Intro\"}"), "a"));
        assertEquals(List.of("Ensure this field has no more than 100 characters."),
                only(with(x -> x.slug("a", 100), "{\"a\":\"" + "a".repeat(101) + "\"}"), "a"));
        assertEquals(List.of(notASlug, "Ensure this field has no more than 200 characters."),
                only(with(x -> x.slug("a"), "{\"a\":\"" + "A".repeat(201) + "\"}"), "a"));
        assertEquals(List.of("This field is required."), only(with(x -> x.slug("a"), "{}"), "a"));
    }

    @Test
    void everyBadFieldIsNamedInReadingOrderWithTheCallersOwnProblems() {
        JsonFields f = fields("{\"b\":1}");
        f.text("b", 5);
        f.text("a", 5);
        f.fail("c", "\"x\" is not a valid choice.");
        assertTrue(f.failed("c"));
        assertFalse(f.failed("d"));
        Map<String, List<String>> problems = problems(f);
        assertEquals(List.of("b", "a", "c"), List.copyOf(problems.keySet()));
        assertEquals(List.of("\"x\" is not a valid choice."), problems.get("c"));
    }

    @Test
    void aFamilyMayNameTheFieldInEachMessage() {
        JsonFields f = JsonFields.of(JsonBodies.object("{}"), NAMING);
        f.text("name", 5);
        assertEquals(List.of("name: This field is required."), only(f, "name"));
        assertEquals(List.of("id: Not found."), NAMING.invalid("id", "Not found.").fieldErrors().get("id"));
    }

    @Test
    void queryParametersAreReadAsStrings() {
        java.util.Map<String, String> query = new java.util.HashMap<>();
        query.put("day", "3");
        query.put("none", null);
        JsonFields f = JsonFields.of(query, FieldMessages.BREATHECODE);
        assertEquals(Optional.of(3), f.optionalInteger("day", 0, 9));
        assertFalse(f.has("none"));
        assertTrue(f.isValid());
    }

    private static JsonFields with(java.util.function.Consumer<JsonFields> read, String json) {
        JsonFields f = fields(json);
        read.accept(f);
        return f;
    }
}
