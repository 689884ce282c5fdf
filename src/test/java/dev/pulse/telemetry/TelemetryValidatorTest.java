package dev.pulse.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.Slug;
import dev.pulse.telemetry.TelemetryChanges.Field;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryValidatorTest {

    private static List<String> slugProblems(String slug) {
        return Slug.problems(slug, TelemetryValidator.MESSAGES);
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static Map<String, List<String>> errors(String slug, String body) {
        ApiError e = assertThrows(ApiError.class, () -> TelemetryValidator.validate(slug, json(body)));
        assertEquals(400, e.status());
        return e.fieldErrors();
    }

    @Test
    void aFullBodyBecomesChangesOfEveryField() {
        TelemetryChanges changes = TelemetryValidator.validate("intro-to-python", json("""
                {"telemetry":{"events":["start"],"nested":{"a":[1,{"b":null}]}},"engagement_score":85.5,
                 "frustration_score":12.3,"metrics_algo_version":1.2,"metrics":{"x":1},"total_time":"PT1H30M",
                 "completion_rate":100}"""));
        assertEquals(85.5, changes.get(Field.ENGAGEMENT_SCORE));
        assertEquals(12.3, changes.get(Field.FRUSTRATION_SCORE));
        assertEquals(1.2, changes.get(Field.METRICS_ALGO_VERSION));
        assertEquals(100.0, changes.get(Field.COMPLETION_RATE));
        assertEquals(5_400_000_000L, changes.get(Field.TOTAL_TIME));
        assertEquals("{\"x\":1}", changes.get(Field.METRICS));
        assertTrue(((String) changes.get(Field.TELEMETRY)).contains("\"nested\""));
    }

    @Test
    void onlyFieldsPresentAreChangedAndUnknownOrReadOnlyFieldsAreIgnored() {
        TelemetryChanges changes = TelemetryValidator.validate("a", json("""
                {"engagement_score":1,"id":9,"user":3,"asset_slug":"other","created_at":"x","updated_at":"y","color":"red"}"""));
        assertEquals(Map.of(Field.ENGAGEMENT_SCORE, 1.0), changes.values());
    }

    @Test
    void nothingSentChangesNothing() {
        assertTrue(TelemetryValidator.validate("a", null).isEmpty());
        assertTrue(TelemetryValidator.validate("a", json("{}")).isEmpty());
    }

    @Test
    void scoresOutsideZeroToHundredNameTheBound() {
        Map<String, List<String>> errors = errors("a",
                "{\"engagement_score\":100.5,\"frustration_score\":-1,\"completion_rate\":101}");
        assertEquals(List.of("Ensure this value is less than or equal to 100."), errors.get("engagement_score"));
        assertEquals(List.of("Ensure this value is greater than or equal to 0."), errors.get("frustration_score"));
        assertEquals(List.of("Ensure this value is less than or equal to 100."), errors.get("completion_rate"));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        TelemetryChanges changes = TelemetryValidator.validate("a",
                json("{\"engagement_score\":0,\"frustration_score\":100,\"completion_rate\":\"55.5\"}"));
        assertEquals(0.0, changes.get(Field.ENGAGEMENT_SCORE));
        assertEquals(100.0, changes.get(Field.FRUSTRATION_SCORE));
        assertEquals(55.5, changes.get(Field.COMPLETION_RATE));
    }

    @Test
    void nonNumbersAreNotValidNumbers() {
        Map<String, List<String>> errors = errors("a", """
                {"engagement_score":"high","frustration_score":true,"completion_rate":[1],"metrics_algo_version":{"v":1}}""");
        for (String field : List.of("engagement_score", "frustration_score", "completion_rate", "metrics_algo_version")) {
            assertEquals(List.of("A valid number is required."), errors.get(field), field);
        }
    }

    @Test
    void metricsAlgoVersionHasNoRange() {
        assertEquals(250.0, TelemetryValidator.validate("a", json("{\"metrics_algo_version\":250}"))
                .get(Field.METRICS_ALGO_VERSION));
    }

    @Test
    void aBadDurationGetsTheFormatMessageAndANegativeOneTheLowerBound() {
        assertEquals(List.of("Duration has wrong format. Use one of these formats instead: [HH:MM:SS, PT...]."),
                errors("a", "{\"total_time\":\"one hour\"}").get("total_time"));
        assertEquals(List.of("Duration has wrong format. Use one of these formats instead: [HH:MM:SS, PT...]."),
                errors("a", "{\"total_time\":3600}").get("total_time"));
        assertEquals(List.of("Ensure this value is greater than or equal to 00:00:00."),
                errors("a", "{\"total_time\":\"-01:00:00\"}").get("total_time"));
        assertEquals(List.of("Ensure this value is greater than or equal to 00:00:00."),
                errors("a", "{\"total_time\":\"-PT5M\"}").get("total_time"));
    }

    @Test
    void telemetryAndMetricsMustBeObjects() {
        Map<String, List<String>> errors = errors("a", "{\"telemetry\":[1,2],\"metrics\":\"{}\"}");
        assertEquals(List.of("Value must be valid JSON object."), errors.get("telemetry"));
        assertEquals(List.of("Value must be valid JSON object."), errors.get("metrics"));
        assertEquals(List.of("Value must be valid JSON object."), errors("a", "{\"telemetry\":null}").get("telemetry"));
        assertEquals(List.of("Value must be valid JSON object."), errors("a", "{\"metrics\":5}").get("metrics"));
    }

    @Test
    void aNulCharacterThatJsonbCannotStoreIsRefused() {
        assertEquals(List.of("Null characters are not allowed."),
                errors("a", "{\"telemetry\":{\"deep\":[{\"s\":\"a\\u0000b\"}]}}").get("telemetry"));
    }

    @Test
    void nullClearsANullableField() {
        TelemetryChanges changes = TelemetryValidator.validate("a", json("{\"engagement_score\":null,\"total_time\":null}"));
        assertTrue(changes.has(Field.ENGAGEMENT_SCORE));
        assertNull(changes.get(Field.ENGAGEMENT_SCORE));
        assertTrue(changes.has(Field.TOTAL_TIME));
        assertFalse(changes.has(Field.COMPLETION_RATE));
    }

    @Test
    void everyWrongFieldIsReportedAtOnceWithTheSlug() {
        Map<String, List<String>> errors = errors("Not A Slug", """
                {"telemetry":1,"engagement_score":101,"frustration_score":"x","metrics":[],"total_time":"1h",
                 "completion_rate":-5,"metrics_algo_version":"v2"}""");
        assertEquals(List.of("asset_slug", "telemetry", "engagement_score", "frustration_score", "metrics_algo_version",
                "metrics", "total_time", "completion_rate"), List.copyOf(errors.keySet()));
        assertEquals(List.of("Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens."),
                errors.get("asset_slug"));
    }

    @Test
    void slugsAreLowercaseDigitsDashesAndUnderscoresUpTo200() {
        assertTrue(slugProblems("todo-list_project-2").isEmpty());
        assertTrue(slugProblems("a".repeat(200)).isEmpty());
        assertEquals(List.of("Ensure this field has no more than 200 characters."),
                slugProblems("a".repeat(201)));
        assertFalse(slugProblems("Intro").isEmpty());
        assertFalse(slugProblems("a b").isEmpty());
        assertFalse(slugProblems("").isEmpty());
    }

    @Test
    void aBodyThatIsNotAnObjectIsANonFieldError() {
        assertEquals(List.of("Invalid data. Expected a dictionary, but got list."),
                errors("a", "[1]").get("non_field_errors"));
        assertEquals(List.of("Invalid data. Expected a dictionary, but got str."),
                errors("a", "\"x\"").get("non_field_errors"));
    }
}
