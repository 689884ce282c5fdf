package dev.pulse.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.client.ApiClient;
import dev.pulse.client.ApiResponse;
import dev.pulse.client.api.BreatheCodeApi;
import dev.pulse.client.api.CaliperApi;
import dev.pulse.client.api.LiveApi;
import dev.pulse.client.api.SunbirdApi;
import dev.pulse.client.model.AccessToken;
import dev.pulse.client.model.Activity;
import dev.pulse.client.model.ActivityInput;
import dev.pulse.client.model.AssignmentTelemetry;
import dev.pulse.client.model.AssignmentTelemetryFields;
import dev.pulse.client.model.CaliperEnvelope;
import dev.pulse.client.model.CaliperGrade2Event;
import dev.pulse.client.model.CaliperReceipt;
import dev.pulse.client.model.CaliperStored;
import dev.pulse.client.model.ClientCredentials;
import dev.pulse.client.model.ClientCredentialsGrant;
import dev.pulse.client.model.CreateBody;
import dev.pulse.client.model.CreateGroup;
import dev.pulse.client.model.LiveNewAccount;
import dev.pulse.client.model.LiveSignIn;
import dev.pulse.client.model.LiveSignedIn;
import dev.pulse.client.model.LiveTicket;
import dev.pulse.client.model.LiveTicketInput;
import dev.pulse.client.model.LiveTicketReference;
import dev.pulse.client.model.Login;
import dev.pulse.client.model.NewClient;
import dev.pulse.client.model.SignedIn;
import dev.pulse.client.model.SunbirdGroup;
import dev.pulse.client.model.SunbirdGroupCreated;
import dev.pulse.client.model.SunbirdGroupMember;
import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.PulseServer;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An integrator's view: every step below goes through the Java client generated from the checked-in
 * OpenAPI document (src/test/resources/openapi.yaml, which OpenApiIT holds equal to what the WAR serves).
 * Only the base URI and each family's credential headers are configured by hand; accounts and academies
 * come from the test harness's administrator.
 */
class GeneratedClientIT {

    private static final String CALIPER_CONTEXT = "http://purl.imsglobal.org/ctx/caliper/v1p2";
    private static final String PASSWORD = "password-123";

    private final Api admin = new Api(PulseServer.baseUrl());

    /** The generated client on this run's server, with the headers {@code credentials} sets on every request. */
    private static ApiClient client(Consumer<HttpRequest.Builder> credentials) {
        String base = PulseServer.baseUrl().toString();
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        client.setRequestInterceptor(credentials);
        return client;
    }

    private static ApiClient anonymous() {
        return client(request -> { });
    }

    private static ApiClient breatheCode(String token) {
        return client(request -> request.header("Authorization", "Token " + token));
    }

    private static ApiClient live(String token) {
        return client(request -> request.header("X-MenloHacks-Authorization", token));
    }

    @Test
    void aStudentSignsInRecordsAnActivityAndFindsItInTheirList() throws Exception {
        Api.User student = admin.newUser();

        SignedIn signedIn = new BreatheCodeApi(anonymous())
                .identityAuthLogin(new Login().email(student.email()).password(PASSWORD));
        assertEquals(student.id(), signedIn.getUserId());
        assertEquals(student.email(), signedIn.getEmail());
        assertTrue(signedIn.getExpiresAt().isAfter(OffsetDateTime.now()), "expires " + signedIn.getExpiresAt());

        ApiClient studentClient = breatheCode(signedIn.getToken());
        BreatheCodeApi asStudent = new BreatheCodeApi(studentClient);
        String user = String.valueOf(student.id());
        Activity recorded = asStudent.activityUserRecord(user,
                new ActivityInput().slug("lesson_opened").data("{\"lesson\":\"intro-to-html\"}").day(3), null, null);
        assertEquals("lesson_opened", recorded.getSlug());
        assertEquals(student.id(), recorded.getUserId());
        assertEquals(3, recorded.getDay());
        assertEquals(Map.of("lesson", "intro-to-html"), recorded.getData());

        JsonNode listed = asStudent.activityUserList(user, null, null, "lesson_opened", null, null, null, null);
        assertTrue(listed.isArray(), listed.toString());
        JsonNode otherSlug = asStudent.activityUserList(user, null, null, "lesson_closed", null, null, null, null);
        assertEquals(0, otherSlug.size(), "the slug filter reaches the server: " + otherSlug);
        assertEquals(1, listed.size(), listed.toString());
        Activity first = studentClient.getObjectMapper().treeToValue(listed.get(0), Activity.class);
        assertEquals(recorded.getId(), first.getId());
        assertEquals("lesson_opened", first.getSlug());
        assertEquals(recorded.getCreatedAt(), first.getCreatedAt());
    }

    @Test
    void anIntegratorGetsATokenAndSendsAGrade2EventAndAnEnvelope() throws Exception {
        String edApp = "urn:uuid:" + UUID.randomUUID();
        ClientCredentials registered = new BreatheCodeApi(breatheCode(admin.adminToken()))
                .identityClientCreate(new NewClient().name(Api.unique("integrator")).edapp(edApp));
        assertEquals(edApp, registered.getEdapp());

        AccessToken token = new CaliperApi(anonymous()).identityClientTokenIssue(new ClientCredentialsGrant()
                .grantType(ClientCredentialsGrant.GrantTypeEnum.CLIENT_CREDENTIALS)
                .clientId(registered.getClientId()).clientSecret(registered.getClientSecret()));
        assertEquals("Bearer", token.getTokenType());
        assertTrue(token.getExpiresIn().signum() > 0, "expires_in " + token.getExpiresIn());
        ApiClient integrator = client(request -> request.header("Authorization", "Bearer " + token.getAccessToken()));
        CaliperApi caliper = new CaliperApi(integrator);

        String graded = "urn:uuid:" + UUID.randomUUID();
        CaliperStored stored = caliper.caliperGrade2Record(grade2(graded, edApp));
        assertEquals(graded, stored.getId());
        assertEquals(CALIPER_CONTEXT, stored.getAtContext());

        String inEnvelope = "urn:uuid:" + UUID.randomUUID();
        CaliperGrade2Event event = grade2(inEnvelope, edApp).eventTime(OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        CaliperReceipt receipt = caliper.caliperEnvelopeReceive(new CaliperEnvelope()
                .sensor("https://example.edu/sensors/1")
                .sendTime(OffsetDateTime.of(2024, 3, 1, 10, 0, 1, 0, ZoneOffset.UTC))
                .dataVersion(CALIPER_CONTEXT)
                .data(List.of(integrator.getObjectMapper().convertValue(event, Map.class))), false);
        assertEquals(1, receipt.getReceived());
        assertEquals(1, receipt.getStored());
        assertEquals(0, receipt.getAlreadyStored());
        assertTrue(receipt.getRejected().isEmpty(), receipt.toString());

        assertEquals(inEnvelope, caliper.caliperEventRead(inEnvelope).getId());
    }

    /** A grade2 event as the hub's field table lays it out: an 8.5 out of 10 on an attempt. */
    private static CaliperGrade2Event grade2(String id, String edApp) {
        return new CaliperGrade2Event()
                .atContext(CALIPER_CONTEXT)
                .id(id)
                .type("GradeEvent")
                .profile("GradingProfile")
                .actor(Map.of("type", "SoftwareApplication", "host", "https://www.aprimora.com.br"))
                .action("Graded")
                ._object(Map.of(
                        "type", "Attempt",
                        "assignee", Map.of("id", "urn:uuid:" + UUID.randomUUID(), "type", "Person"),
                        "assignable", Map.of("id", 3899, "type", "Activity", "skillCode", "EF15LP01",
                                "isPartOf", Map.of("id", "LP", "name", "Portuguese", "type", "Subject")),
                        "dateCreated", "2024-03-01T10:00:00Z",
                        "startedAtTime", "2024-03-01T09:00:00.000Z",
                        "endedAtTime", "2024-03-01T09:05:00.000Z",
                        "totalTime", 300,
                        "completionType", "SUCCESSFULL"))
                .edApp(edApp)
                .generated(Map.of("type", "Score", "maxScore", 10, "scoreGiven", 8.5));
    }

    @Test
    void aCoordinatorUpsertsAStudentsTelemetry() throws Exception {
        long academy = admin.newAcademy();
        Api.User coordinator = admin.newUser();
        Api.User student = admin.newUser();
        admin.addToAcademy(academy, coordinator.id(), "academy_coordinator");
        admin.addToAcademy(academy, student.id(), "student");
        BreatheCodeApi asCoordinator = new BreatheCodeApi(breatheCode(coordinator.token()));
        String inAcademy = String.valueOf(academy);
        String asset = Api.unique("asset");

        ApiResponse<AssignmentTelemetry> created = asCoordinator.telemetryAcademyUpsertWithHttpInfo(asset,
                String.valueOf(student.id()), new AssignmentTelemetryFields()
                        .telemetry(Map.of("slug", asset, "steps", List.of(Map.of("slug", "intro", "completed_at", 1)))),
                inAcademy);
        assertEquals(201, created.getStatusCode());
        assertEquals(student.id(), created.getData().getUser());
        assertEquals(asset, created.getData().getAssetSlug());

        ApiResponse<AssignmentTelemetry> updated = asCoordinator.telemetryAcademyUpsertWithHttpInfo(asset,
                String.valueOf(student.id()), new AssignmentTelemetryFields().engagementScore(new BigDecimal("72.5"))
                        .totalTime("01:30:00"), inAcademy);
        assertEquals(200, updated.getStatusCode());
        assertEquals(created.getData().getId(), updated.getData().getId());
        assertEquals(0, new BigDecimal("72.5").compareTo(updated.getData().getEngagementScore()));
        assertEquals("01:30:00", updated.getData().getTotalTime());
        assertEquals(Map.of("slug", asset, "steps", List.of(Map.of("slug", "intro", "completed_at", 1))),
                updated.getData().getTelemetry());
    }

    @Test
    void aUserCreatesAGroupAndReadsItBack() throws Exception {
        Api.User creator = admin.newUser();
        Api.Client integrator = admin.newClient();
        SunbirdApi sunbird = new SunbirdApi(client(request -> request
                .header("Authorization", "Bearer " + integrator.token())
                .header("x-authenticated-user-token", creator.token())));
        String name = Api.unique("study-group");

        SunbirdGroupCreated created = sunbird.groupsGroupCreate(new CreateBody().request(new CreateGroup()
                .name(name).description("Reading group for chapter 3").membershipType("invite_only")));
        assertEquals("api.group.create", created.getId());
        assertEquals("OK", created.getResponseCode());
        String groupId = created.getResult().getGroupId().toString();

        SunbirdGroup group = sunbird.groupsGroupRead(groupId, "members,activities").getResult();
        assertEquals(groupId, group.getId().toString());
        assertEquals(name, group.getName());
        assertEquals("Reading group for chapter 3", group.getDescription());
        assertEquals("active", group.getStatus());
        assertEquals(List.of(), group.getActivities());
        assertEquals(1, group.getMembers().size());
        SunbirdGroupMember member = group.getMembers().get(0);
        assertEquals(creator.uuid(), member.getUserId().toString());
        assertEquals(SunbirdGroupMember.RoleEnum.ADMIN, member.getRole());
    }

    @Test
    void aHackerAsksForHelpAndAMentorClaimsAndClosesTheTicket() throws Exception {
        String hackerName = Api.unique("hacker");
        String mentorName = Api.unique("mentor");
        LiveApi open = new LiveApi(anonymous());
        String hackerToken = open.liveUserCreate(new LiveNewAccount().name("Grace Hopper").username(hackerName)
                .password("hacker-pw-1")).getData().getToken();
        open.liveUserCreate(new LiveNewAccount().name("Ada Mentor").username(mentorName).password("mentor-pw-1"));
        LiveSignedIn mentorSignIn = open.liveUserLogin(new LiveSignIn().username(mentorName).password("mentor-pw-1"));
        assertTrue(mentorSignIn.getSuccess());
        assertEquals(mentorName, mentorSignIn.getData().getUsername());
        assertEquals("Ada Mentor", mentorSignIn.getData().getName());
        LiveApi hacker = new LiveApi(live(hackerToken));
        LiveApi mentor = new LiveApi(live(mentorSignIn.getData().getToken()));

        // the test server lets an unclaimed ticket expire after a few seconds: claim first, look around after
        LiveTicket asked = hacker.liveMentorshipCreate(new LiveTicketInput()
                .description("Our webhook never fires").location("Main gym").contact("555-0100")).getData();
        LiveTicket claimed = mentor.liveMentorshipClaim(new LiveTicketReference().id(asked.getId())).getData();
        assertEquals("Our webhook never fires", asked.getDescription());
        assertEquals("Main gym", asked.getLocation());
        assertTrue(asked.getIsMine());
        assertFalse(asked.getClaimed());
        assertNull(asked.getTimeComplete());
        assertEquals(asked.getId(), claimed.getId());
        assertTrue(claimed.getClaimed());
        assertTrue(claimed.getClaimedByMe());
        assertFalse(claimed.getIsMine());
        assertTrue(mentor.liveMentorshipClaimedList().getData().stream().anyMatch(t -> t.getId().equals(asked.getId())));

        LiveTicket closed = mentor.liveMentorshipClose(new LiveTicketReference().id(asked.getId())).getData();
        assertEquals(asked.getId(), closed.getId());
        assertNotNull(closed.getTimeComplete());
        assertTrue(hacker.liveMentorshipMineList().getData().getTickets().getClosed().stream()
                .anyMatch(t -> t.getId().equals(asked.getId())));
        assertFalse(open.liveMentorshipQueueList(null, null).getData().stream().anyMatch(t -> t.getId().equals(asked.getId())));
    }
}
