package dev.pulse.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import dev.pulse.telemetry.TelemetryChanges.Field;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearnPackReportTest {

    /** The shape LearnPack's IDE posts (buildSubmitPayload), with a key this code has never heard of. */
    static final String BLOB = """
            {"telemetry_id":"k2j4h5g6f7d8s9a0","user_id":"5043","fullname":"Ana P","slug":"python-functions",
             "package_id":"77","version":"CLOUD:5.0.1","cohort_id":null,"academy_id":"4","agent":"cloud",
             "tutorial_started_at":1733100000000,"last_interaction_at":1733100900000,
             "workout_session":[{"started_at":1733100000000}],
             "steps":[{"slug":"01-hello","position":0,"files":[],"is_testeable":true,"is_completed":false,
               "compilations":[],"tests":[{"source_code":"cHJpbnQ=","stdout":"","exit_code":1,
               "started_at":1733100100000,"ended_at":1733100101000}],"ai_interactions":[],"quiz_submissions":[],
               "sessions":[60000],"telemetry_id":"k2j4h5g6f7d8s9a0","metrics":{"status":"attempted","time_spent":60000},
               "indicators":{"engagement_indicator":1.6,"frustration_indicator":3.3}}],
             "global_metrics":{"completion_rate":40,"total_steps":1},
             "global_indicators":{"engagement_indicator":20.5,"frustration_indicator":30},
             "a_key_from_a_later_version":{"kept":true}}""";

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static LearnPackReport read(String body, String... assetIds) {
        return LearnPackReport.read(body, Arrays.asList(assetIds));
    }

    private static Map<String, List<String>> errors(String body) {
        ApiError e = assertThrows(ApiError.class, () -> read(body));
        assertEquals(400, e.status());
        return e.fieldErrors();
    }

    @Test
    void theWholeBlobIsKeptAndItsSummaryFillsTheScores() {
        LearnPackReport report = read(BLOB);
        assertEquals("python-functions", report.assetSlug());
        assertEquals(json(BLOB), json((String) report.changes().get(Field.TELEMETRY)));
        assertEquals(40.0, report.changes().get(Field.COMPLETION_RATE));
        assertEquals(20.5, report.changes().get(Field.ENGAGEMENT_SCORE));
        assertEquals(30.0, report.changes().get(Field.FRUSTRATION_SCORE));
        assertFalse(report.changes().has(Field.TOTAL_TIME));
        assertFalse(report.changes().has(Field.METRICS));
        assertEquals(Optional.of("5043"), report.userId());
        assertEquals(Optional.of(4L), report.academyId());
    }

    @Test
    void aBlobWithoutSummariesChangesOnlyTheTelemetry() {
        LearnPackReport report = read("""
                {"slug":"html-tags","global_metrics":{"completion_rate":"n/a"},
                 "global_indicators":{"engagement_indicator":140,"frustration_indicator":-1}}""");
        assertEquals(Map.of(Field.TELEMETRY, report.changes().get(Field.TELEMETRY)), report.changes().values());
    }

    @Test
    void theUrlsAssetIdsAreAddedToTheBlobOnceEach() {
        JsonObject stored = json((String) read(BLOB, "145,146", "145", "", " ").changes().get(Field.TELEMETRY))
                .asJsonObject();
        assertEquals("145,146", stored.getString("asset_id"));
        assertFalse(json((String) read(BLOB, "").changes().get(Field.TELEMETRY)).asJsonObject().containsKey("asset_id"));
        assertEquals("{\"slug\":\"a\",\"asset_id\":\"1\"}", read(" {\"slug\":\"a\"} \n", "1").changes().get(Field.TELEMETRY));
        assertEquals("{\"slug\":\"a\",\"asset_id\":\"2\"}",
                read("{\"slug\":\"a\",\"asset_id\":\"1\"}", "2").changes().get(Field.TELEMETRY).toString()
                        .replace("\"asset_id\":\"1\",", ""));
        assertEquals("\"x\\\"y\"", json((String) read(BLOB, "x\"y").changes().get(Field.TELEMETRY)).asJsonObject()
                .get("asset_id").toString());
        assertEquals(List.of(), LearnPackReport.assetIds(null));
    }

    @Test
    void aUserIdAsTextOrNumberOrAbsentIsTheCallerWhenItSaysSo() {
        assertTrue(read(BLOB).isAbout(5043));
        assertFalse(read(BLOB).isAbout(5044));
        assertTrue(read("{\"slug\":\"a\",\"user_id\":5043}").isAbout(5043));
        assertTrue(read("{\"slug\":\"a\",\"user_id\":5043.0}").isAbout(5043));
        assertTrue(read("{\"slug\":\"a\",\"user_id\":\" 5043 \"}").isAbout(5043));
        assertTrue(read("{\"slug\":\"a\",\"user_id\":null}").isAbout(5043));
        assertTrue(read("{\"slug\":\"a\"}").isAbout(5043));
        assertFalse(read("{\"slug\":\"a\",\"user_id\":\"ana\"}").isAbout(5043));
        assertFalse(read("{\"slug\":\"a\",\"user_id\":true}").isAbout(5043));
    }

    @Test
    void theSlugIsRequiredAndNamedWhenMissingOrBad() {
        assertEquals(Map.of("slug", List.of("This field is required.")), errors("{\"user_id\":\"1\"}"));
        assertTrue(errors("{\"slug\":\"Not A Slug\"}").containsKey("slug"));
        assertEquals(Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list.")),
                errors("[]"));
        assertEquals(Map.of("slug", List.of("This field is required.")), errors(""));
    }

    @Test
    void theAcademyIsTheNamedOneWhereTheStudentMayUploadElseTheOnlyOne() {
        LearnPackReport names4 = read(BLOB);
        assertEquals(4L, names4.academyAmong(List.of(3L, 4L), 5043));
        assertEquals(3L, names4.academyAmong(List.of(3L), 5043));
        assertEquals(7L, read("{\"slug\":\"a\",\"academy_id\":null}").academyAmong(List.of(7L), 5043));
        assertEquals(7L, read("{\"slug\":\"a\",\"academy_id\":\"four\"}").academyAmong(List.of(7L), 5043));
        ApiError several = assertThrows(ApiError.class, () -> read("{\"slug\":\"a\"}").academyAmong(List.of(3L, 7L), 5043));
        assertEquals(400, several.status());
        assertEquals("academy-required", several.slug());
        assertEquals("User 5043 records telemetry in academies 3, 7: name one of them as academy_id in the body",
                several.getMessage());
        assertEquals("no-academy",
                assertThrows(ApiError.class, () -> names4.academyAmong(List.of(), 5043)).slug());
    }
}
