package dev.pulse.caliper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.TestResources;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CaliperValidatorTest {

    static final Path FIXTURES = TestResources.folder("caliper-fixtures");

    static JsonObject read(Path file) {
        try (JsonReader r = Json.createReader(Files.newBufferedReader(file))) {
            return r.readObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** A complete grade2 event in the layout of the hub's field table (times inside object). */
    static JsonObjectBuilder grade2() {
        return Json.createObjectBuilder()
                .add("@context", CaliperTerms.CONTEXT)
                .add("id", "urn:uuid:12c05c4e-253f-4073-9f29-5786f3ff3f36")
                .add("type", "ViewEvent")
                .add("profile", "ReadingProfile")
                .add("actor", Json.createObjectBuilder().add("type", "SoftwareApplication").add("host", "https://www.aprimora.com.br"))
                .add("action", "Viewed")
                .add("object", Json.createObjectBuilder()
                        .add("type", "Reading")
                        .add("assignee", Json.createObjectBuilder().add("id", "urn:uuid:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e").add("type", "Person"))
                        .add("assignable", Json.createObjectBuilder().add("id", 3899).add("type", "Book Activity").add("skillCode", "EF15LP01"))
                        .add("dateCreated", "2024-03-01T10:00:00Z")
                        .add("startedAtTime", "2024-03-01T09:00:00.000Z")
                        .add("totalTime", 300)
                        .add("percentReading", 80))
                .add("edApp", "urn:uuid:0d8e8f6a-61c6-4c5b-b1cf-2a3f7e5b9d10");
    }

    @Test
    void aCompleteGrade2EventIsValidAndKeepsItsFilterValues() {
        CaliperValidator.Outcome outcome = Grade2Rules.check(grade2().build());
        assertEquals(List.of(), outcome.messages());
        ValidatedEvent e = outcome.event();
        assertEquals("urn:uuid:7f6c1f1e-8d57-4c0f-9d0e-3f1a6b1d2c3e", e.assignee());
        assertEquals("3899", e.assignable());
        assertEquals("ViewEvent", e.type());
    }

    @Test
    void anEmptyEventNamesEveryRequiredFieldOfTheTable() {
        List<String> messages = Grade2Rules.check(JsonValue.EMPTY_JSON_OBJECT).messages();
        List<String> expected = Stream.of("@context", "id", "type", "profile", "actor.type", "actor.host", "action",
                "object.type", "object.assignee.id", "object.assignee.type", "object.assignable.id",
                "object.assignable.type", "object.assignable.skillCode", "object.dateCreated", "object.startedAtTime",
                "object.totalTime", "edApp").map(f -> "Field " + f + " not informed").toList();
        assertEquals(expected, messages);
    }

    @Test
    void theExampleLayoutWithTopLevelTimesAndAnIsoDurationIsAccepted() {
        JsonObject base = grade2().build();
        JsonObject object = Json.createObjectBuilder(base.getJsonObject("object"))
                .remove("dateCreated").remove("startedAtTime").remove("totalTime").build();
        JsonObject event = Json.createObjectBuilder(base).add("object", object)
                .add("dateCreated", "2024-03-01T10:00:00Z").add("startedAtTime", "2024-03-01T09:00:00Z")
                .add("endedAtTime", "2024-03-01T09:05:00Z").add("duration", "PT300S").build();
        assertEquals(List.of(), Grade2Rules.check(event).messages());
    }

    @Test
    void acceptedValuesAreNamedWithTheField() {
        JsonObject base = grade2().build();
        JsonObject event = Json.createObjectBuilder(base).add("type", "ClickEvent").add("action", "Clicked")
                .add("profile", "Nope")
                .add("object", Json.createObjectBuilder(base.getJsonObject("object")).add("completionType", "DONE")
                        .add("type", "Video")
                        .add("assignable", Json.createObjectBuilder(base.getJsonObject("object").getJsonObject("assignable"))
                                .add("type", "Game").add("isPartOf", Json.createObjectBuilder().add("type", "Course"))))
                .build();
        List<String> messages = Grade2Rules.check(event).messages();
        assertTrue(messages.contains("Field type must be one of: GradeEvent, ViewEvent, GradeViewEvent"), messages::toString);
        assertTrue(messages.contains("Field profile must be one of: GradingProfile, ReadingProfile, ReadingGradingProfile"));
        assertTrue(messages.contains("Field action must be one of: Viewed, Graded, ViewdGraded, ViewedGraded"));
        assertTrue(messages.contains("Field object.type must be one of: Attempt, Reading, Reading/Listen"));
        assertTrue(messages.contains("Field object.assignable.type must be one of: Activity, Book Activity"));
        assertTrue(messages.contains("Field object.completionType must be one of: SUCCESSFULL, FAILURE, ONGOING, EXTRA, CANCEL"));
        assertTrue(messages.contains("Field object.assignable.isPartOf.type must be one of: Subject, GroupStudy, Task"));
        assertEquals(7, messages.size(), messages::toString);
    }

    @Test
    void urnsNumbersDatesAndRangesAreChecked() {
        JsonObject base = grade2().build();
        JsonObject event = Json.createObjectBuilder(base).add("id", "12c05c4e").add("edApp", "https://app")
                .add("object", Json.createObjectBuilder(base.getJsonObject("object"))
                        .add("assignee", Json.createObjectBuilder().add("id", "urn:uuid<x>").add("type", "Person"))
                        .add("totalTime", "five minutes").add("percentReading", 101).add("startedAtTime", "yesterday"))
                .add("generated", Json.createObjectBuilder().add("type", "Score").add("maxScore", 10).add("scoreGiven", 11))
                .build();
        List<String> messages = Grade2Rules.check(event).messages();
        assertEquals(List.of(
                "Field id must be a URN of UUID type (urn:uuid:<uuid>)",
                "Field object.assignee.id must be a URN of UUID type (urn:uuid:<uuid>)",
                "Field object.startedAtTime must be an ISO 8601 date-time or date, such as 2024-03-01T10:15:00.000Z (UTC when no offset is given)",
                "Field object.totalTime must be a number",
                "Field object.percentReading must be between 0 and 100",
                "Field edApp must be a URN of UUID type (urn:uuid:<uuid>)",
                "Field generated.scoreGiven must not be greater than generated.maxScore"), messages);
    }

    @Test
    void theSameEventInAnotherKeyOrderHasTheSameFingerprint() {
        JsonObject a = parse("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"}}");
        JsonObject b = parse("{\"b\":{\"d\":\"x\",\"c\":[1,2]},\"a\":1.0}");
        assertEquals(EventFingerprint.of(a), EventFingerprint.of(b));
        assertFalse(EventFingerprint.of(a).equals(EventFingerprint.of(parse("{\"a\":2}"))));
    }

    @Test
    void everyImsEventFixtureIsValid() throws IOException {
        List<String> failures = new ArrayList<>();
        for (JsonObject event : events(FIXTURES, "caliperEvent")) {
            CaliperValidator.Outcome outcome = CaliperValidator.check(event);
            if (!outcome.valid()) {
                failures.add(event.getString("id") + " " + outcome.messages());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyEventInTheImsEventEnvelopesIsValid() throws IOException {
        int count = 0;
        for (String name : List.of("caliperEnvelopeEventSingle.json", "caliperEnvelopeEventBatch.json",
                "caliperEnvelopeEventThinned.json", "caliperEnvelopeEventContextArray.json", "caliperEnvelopeToolUseEvent.json")) {
            JsonObject envelope = read(FIXTURES.resolve(name));
            assertEquals(List.of(), EnvelopeRules.check(envelope), name);
            for (JsonValue v : envelope.getJsonArray("data")) {
                assertEquals(List.of(), CaliperValidator.check(v.asJsonObject()).messages(), name);
                count++;
            }
        }
        assertTrue(count >= 5);
    }

    @Test
    void everyImsErrorEventFixtureIsRejected() throws IOException {
        List<String> accepted = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES.resolve("commonErrorFixtures"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("caliperEvent")).sorted().toList()) {
                JsonObject event;
                try {
                    event = read(f);
                } catch (jakarta.json.JsonException e) {
                    continue; // malformed JSON is rejected before validation
                }
                if (CaliperValidator.check(event).valid()) {
                    accepted.add(f.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), accepted);
    }

    static List<JsonObject> events(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".json"))
                    .sorted().map(CaliperValidatorTest::read).toList();
        }
    }

    @Test
    void hugeAndOverlongNumbersAreRejectedOrCanonicalisedCheaply() {
        JsonObject base = grade2().build();
        JsonObject huge = Json.createObjectBuilder(base).add("object", Json.createObjectBuilder(base.getJsonObject("object"))
                .add("totalTime", Json.createValue(new java.math.BigDecimal("1e999999999")))).build();
        assertEquals(List.of("Field object.totalTime is out of range"), Grade2Rules.check(huge).messages());
        assertEquals(64, EventFingerprint.of(huge).length());
        // an event whose numbers are fine for the rules still fingerprints a huge extension quickly
        JsonObject ext = Json.createObjectBuilder(base).add("extensions", Json.createObjectBuilder()
                .add("n", Json.createValue(new java.math.BigDecimal("1e999999999")))).build();
        assertTrue(Grade2Rules.check(ext).valid());
    }

    @Test
    void envelopeFieldsAreRequired() {
        List<String> messages = EnvelopeRules.check(JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(List.of("Field sensor not informed", "Field sendTime not informed", "Field dataVersion not informed",
                "Field data not informed"), messages);
    }

    /** A complete Caliper 1.2 event of the given type, action and object. */
    static JsonObjectBuilder caliper12(String type, String action, JsonObjectBuilder object) {
        return Json.createObjectBuilder()
                .add("@context", CaliperTerms.CONTEXT)
                .add("id", "urn:uuid:3a648e68-f00d-4c08-aa59-8738e1884f2c")
                .add("type", type)
                .add("actor", Json.createObjectBuilder().add("id", "https://example.edu/users/554433").add("type", "Person"))
                .add("action", action)
                .add("object", object)
                .add("eventTime", "2024-03-01T10:15:00.000Z");
    }

    static JsonObjectBuilder entity(String id, String type) {
        return Json.createObjectBuilder().add("id", id).add("type", type);
    }

    @Test
    void aSessionThatTimedOutIsTheObjectOfItsEventAndAnApplicationOtherwise() {
        JsonObjectBuilder app = entity("https://example.edu", "SoftwareApplication");
        JsonObjectBuilder session = entity("https://example.edu/sessions/1", "Session");
        assertEquals(List.of(), CaliperValidator.check(caliper12("SessionEvent", "LoggedIn", app).build()).messages());
        assertEquals(List.of("Field object.type must be one of: LtiSession, Session"),
                CaliperValidator.check(caliper12("SessionEvent", "TimedOut",
                        entity("https://example.edu", "SoftwareApplication")).build()).messages());
        assertEquals(List.of(), CaliperValidator.check(caliper12("SessionEvent", "TimedOut", session).build()).messages());
        assertEquals(List.of("Field object.type must be one of: SoftwareApplication"),
                CaliperValidator.check(caliper12("SessionEvent", "LoggedOut",
                        entity("https://example.edu/sessions/1", "Session")).build()).messages());
    }

    @Test
    void aToolLaunchNamesTheSessionItFederatesButAReturnNeedNot() {
        JsonObject launched = caliper12("ToolLaunchEvent", "Launched", entity("https://tool.example.com", "SoftwareApplication")).build();
        assertEquals(List.of("Field federatedSession not informed"), CaliperValidator.check(launched).messages());
        JsonObject withSession = Json.createObjectBuilder(launched)
                .add("federatedSession", entity("https://example.edu/lti/sessions/1", "LtiSession")).build();
        assertTrue(CaliperValidator.check(withSession).valid());
        JsonObject returned = caliper12("ToolLaunchEvent", "Returned", entity("https://tool.example.com", "SoftwareApplication")).build();
        assertTrue(CaliperValidator.check(returned).valid());
    }

    @Test
    void theGenericEventTakesAnyActionOfTheVocabularyAndAnyEntity() {
        assertTrue(CaliperValidator.check(caliper12("Event", "Liked", entity("https://example.edu/x", "Anything")).build()).valid());
        List<String> messages = CaliperValidator.check(caliper12("Event", "Danced", entity("https://example.edu/x", "Anything"))
                .build()).messages();
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).startsWith("Field action must be one of (for Event): Abandoned, Accepted, "), messages::toString);
    }

    @Test
    void anUnknownTypeIsNamedWithEveryTypeAndItsEntitiesAreCheckedOnlyAsReferences() {
        List<String> messages = CaliperValidator.check(caliper12("DanceEvent", "Danced", entity("https://example.edu/x", "Stage"))
                .build()).messages();
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).startsWith("Field type must be one of the Caliper 1.2 event types: Event, AnnotationEvent, "));
    }

    @Test
    void anAssignableEventsObjectIsItsAssignableAndAPersonActorItsAssignee() {
        ValidatedEvent e = CaliperValidator.check(caliper12("AssignableEvent", "Started",
                entity("https://example.edu/terms/201801/courses/7/sections/1/assess/1", "Assessment")).build()).event();
        assertEquals("https://example.edu/terms/201801/courses/7/sections/1/assess/1", e.assignable());
        assertEquals("https://example.edu/users/554433", e.assignee());
        assertEquals(java.time.Instant.parse("2024-03-01T10:15:00Z"), e.eventTime());
    }

    @Test
    void onlyTheCaliperContextIsASupportedDataVersion() {
        JsonObject envelope = Json.createObjectBuilder().add("dataVersion", "http://purl.imsglobal.org/ctx/caliper/v1p1").build();
        assertEquals(java.util.Optional.of("Field dataVersion http://purl.imsglobal.org/ctx/caliper/v1p1 is not supported; "
                + "supported: " + CaliperTerms.CONTEXT), EnvelopeRules.unsupportedDataVersion(envelope));
        assertEquals(java.util.Optional.empty(), EnvelopeRules.unsupportedDataVersion(
                Json.createObjectBuilder().add("dataVersion", CaliperTerms.CONTEXT).build()));
    }

    @Test
    void anEventTimeWithoutAnOffsetOrABareDateIsReadAsUtc() {
        JsonObject local = caliper12("SessionEvent", "LoggedIn", entity("https://example.edu", "SoftwareApplication"))
                .add("eventTime", "2024-03-01T10:15:00.5").build();
        assertEquals(java.time.Instant.parse("2024-03-01T10:15:00.5Z"), CaliperValidator.check(local).event().eventTime());
        JsonObject date = caliper12("SessionEvent", "LoggedIn", entity("https://example.edu", "SoftwareApplication"))
                .add("eventTime", "2024-03-01").build();
        assertEquals(java.time.Instant.parse("2024-03-01T00:00:00Z"), CaliperValidator.check(date).event().eventTime());
        JsonObject inner = caliper12("SessionEvent", "LoggedIn", entity("https://example.edu", "SoftwareApplication"))
                .add("eventTime", "2024-03-01 10:15:00").build();
        assertEquals(1, CaliperValidator.check(inner).messages().size(), "a space is not ISO 8601");
    }

    @Test
    void anEventTimePostgresCannotStoreIsOutOfRangeAndTimesKeepMicroseconds() {
        JsonObject far = caliper12("SessionEvent", "LoggedIn", entity("https://example.edu", "SoftwareApplication"))
                .add("eventTime", "+300000-01-01T00:00:00Z").build();
        assertEquals(List.of("Field eventTime is out of range"), CaliperValidator.check(far).messages());
        JsonObject spaced = caliper12("SessionEvent", "LoggedIn", entity("https://example.edu", "SoftwareApplication"))
                .add("eventTime", " 2024-03-01T10:15:00Z").build();
        assertEquals(List.of("Field eventTime must be an ISO 8601 date-time or date, such as 2024-03-01T10:15:00.000Z (UTC when no offset is given)"),
                CaliperValidator.check(spaced).messages());
        JsonObject nanos = caliper12("SessionEvent", "LoggedIn", entity("https://example.edu", "SoftwareApplication"))
                .add("eventTime", "2024-03-01T10:15:00.123456789Z").build();
        assertEquals(java.time.Instant.parse("2024-03-01T10:15:00.123456Z"), CaliperValidator.check(nanos).event().eventTime());
    }
}
