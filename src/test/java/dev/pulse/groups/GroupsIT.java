package dev.pulse.groups;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import dev.pulse.platform.testing.AtOnce;
import dev.pulse.platform.testing.IntegrationDatabase;
import dev.pulse.platform.testing.PulseServer;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Sunbird group API on the real WAR, with the default limits (50 groups, 150 members, 20 activities). */
class GroupsIT {

    private static final String SUNBIRD_TS = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}:\\d{3}[+-]\\d{4}";
    private static Api.Client client;
    private static Long classroom;

    /** The one Pulse of this test run (the real WAR on Payara Micro, shared by every HTTP-level test). */
    final URL base = PulseServer.baseUrl();

    private Api api() {
        return new Api(base);
    }

    /** Sunbird's credential pair: the API client's token and the acting user's token. */
    private RequestSpecification as(Api.User user) {
        synchronized (GroupsIT.class) {
            if (client == null) {
                client = api().newClient();
            }
        }
        return api().json().header("Authorization", "Bearer " + client.token())
                .header("x-authenticated-user-token", user.token());
    }

    /** The academy every account of these tests belongs to, so that group admins may add each other. */
    private long classroom() {
        synchronized (GroupsIT.class) {
            if (classroom == null) {
                classroom = api().newAcademy();
            }
            return classroom;
        }
    }

    /** A new account in {@link #classroom()}. */
    private Api.User classmate() {
        Api api = api();
        Api.User user = api.newUser();
        api.addToAcademy(classroom(), user.id(), "student");
        return user;
    }

    private static Map<String, Object> request(Object... keyValues) {
        Map<String, Object> inner = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            inner.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Map.of("request", inner);
    }

    private static Map<String, String> member(String userId, String role) {
        return Map.of("userId", userId, "role", role);
    }

    private static Map<String, String> activity(String id) {
        return Map.of("id", id, "type", "Course");
    }

    private String create(Api.User creator, Object... fields) {
        List<Object> all = new ArrayList<>(List.of("name", "Study group " + Api.unique("g")));
        all.addAll(List.of(fields));
        return as(creator).body(request(all.toArray())).post("/api/group/v1/create")
                .then().statusCode(200).body("params.status", equalTo("success"))
                .extract().path("result.groupId");
    }

    private ValidatableResponse update(Api.User caller, String groupId, Object... fields) {
        List<Object> all = new ArrayList<>(List.of("groupId", groupId));
        all.addAll(List.of(fields));
        return as(caller).body(request(all.toArray())).patch("/api/group/v1/update").then();
    }

    private ValidatableResponse read(Api.User caller, String groupId, String fields) {
        RequestSpecification spec = as(caller);
        if (fields != null) {
            spec = spec.queryParam("fields", fields);
        }
        return spec.get("/api/group/v1/read/" + groupId).then();
    }

    private static void failed(ValidatableResponse response, int status, String err, String responseCode) {
        response.statusCode(status).body("params.status", equalTo("failed")).body("params.err", equalTo(err))
                .body("responseCode", equalTo(responseCode)).body("params.errmsg", notNullValue());
    }

    // ------------------------------------------------------------------ create

    @Test
    void creatingAGroupMakesTheCallerItsAdminInTheSunbirdEnvelope() {
        Api.User creator = classmate();
        String requestId = UUID.randomUUID().toString();
        Response created = as(creator).header("X-Request-ID", requestId)
                .body(request("name", "Maths class", "description", "fractions"))
                .post("/api/group/v1/create");
        created.then().statusCode(200)
                .body("id", equalTo("api.group.create")).body("ver", equalTo("v1"))
                .body("ts", matchesPattern(SUNBIRD_TS))
                .body("params.msgid", equalTo(requestId)).body("params.status", equalTo("success"))
                .body("params.err", nullValue()).body("responseCode", equalTo("OK"))
                .body("result.groupId", notNullValue()).body("result", not(hasKey("error")));
        String groupId = created.path("result.groupId");
        read(creator, groupId, "members,activities").statusCode(200)
                .body("id", equalTo("api.group.read"))
                .body("result.id", equalTo(groupId)).body("result.name", equalTo("Maths class"))
                .body("result.description", equalTo("fractions")).body("result.status", equalTo("active"))
                .body("result.membershipType", equalTo("invite_only"))
                .body("result.createdBy", equalTo(creator.uuid()))
                .body("result.createdOn", matchesPattern(SUNBIRD_TS))
                .body("result.activities", empty())
                .body("result.members", hasSize(1))
                .body("result.members[0].userId", equalTo(creator.uuid()))
                .body("result.members[0].role", equalTo("admin"))
                .body("result.members[0].status", equalTo("active"))
                .body("result.members[0].name", equalTo("Ada Lovelace"));
    }

    @Test
    void aCreateWithoutANameOrRequestIsAClientErrorNamingTheProblem() {
        Api.User creator = classmate();
        failed(as(creator).body(request("description", "no name")).post("/api/group/v1/create").then(),
                400, "GS_CRT02", "CLIENT_ERROR");
        failed(as(creator).body(request("name", "   ")).post("/api/group/v1/create").then(),
                400, "GS_CRT02", "CLIENT_ERROR");
        as(creator).body(Map.of("reuqest", Map.of("name", "typo"))).post("/api/group/v1/create").then()
                .statusCode(400).body("params.err", equalTo("GS_CRT02"))
                .body("params.errmsg", containsString("request is missing"))
                .body("id", equalTo("api.group.create"));
        failed(as(creator).body(request("name", "x", "members", List.of(member(creator.uuid(), "owner"))))
                .post("/api/group/v1/create").then(), 400, "GS_CRT02", "CLIENT_ERROR");
        failed(as(creator).body(request("name", "x", "membershipType", "open"))
                .post("/api/group/v1/create").then(), 400, "GS_CRT02", "CLIENT_ERROR");
        as(creator).body("{\"request\": {\"name\": ").post("/api/group/v1/create").then()
                .statusCode(400).body("params.status", equalTo("failed")).body("responseCode", equalTo("CLIENT_ERROR"));
        as(creator).body("{\"request\": {\"name\": \"x\", \"members\": \"everyone\"}}").post("/api/group/v1/create")
                .then().statusCode(400).body("params.status", equalTo("failed"));
        as(creator).post("/api/group/v1/create").then().statusCode(400).body("params.status", equalTo("failed"));
        as(creator).body(Map.of("request", Map.of("groupId", "g"))).patch("/api/group/v1/update").then()
                .statusCode(400).body("params.err", equalTo("GS_UDT02"))
                .body("params.errmsg", containsString("nothing to update"));
    }

    /** What sunbird-client-services sends with every call: the API key, the user's token, a request id. */
    private RequestSpecification asTheSunbirdClient(Api.User user, String requestId) {
        return as(user).header("X-Request-ID", requestId).header("X-Channel-Id", "pulse-test")
                .header("X-App-Id", "dev.sunbird.portal").header("X-Device-Id", "device-1");
    }

    @Test
    void everyFailureCarriesItsOperationIdAndRequestIdEvenWhenTheBodyOrTokenNeverReachedTheOperation() {
        Api.User user = classmate();
        String groupId = create(user);
        String requestId = UUID.randomUUID().toString();
        // a body that does not parse: the operation never ran
        asTheSunbirdClient(user, requestId).body("{\"request\": {\"name\": ").post("/api/group/v1/create").then()
                .statusCode(400).body("id", equalTo("api.group.create")).body("params.status", equalTo("failed"))
                .body("params.msgid", equalTo(requestId)).body("params.resmsgid", notNullValue())
                .body("responseCode", equalTo("CLIENT_ERROR"));
        asTheSunbirdClient(user, requestId).body("{\"request\": [").patch("/api/group/v1/membership/update").then()
                .statusCode(400).body("id", equalTo("api.group.membership.update"));
        // a token refused before the operation ran, on every operation
        Map<String, Response> refused = Map.of(
                "api.group.create", refusedPair(requestId).body(request("name", "x")).post("/api/group/v1/create"),
                "api.group.update", refusedPair(requestId).body(request("groupId", groupId, "name", "y"))
                        .patch("/api/group/v1/update"),
                "api.group.read", refusedPair(requestId).get("/api/group/v1/read/" + groupId),
                "api.group.list", refusedPair(requestId).body(request("filters", Map.of("userId", user.uuid())))
                        .post("/api/group/v1/list"),
                "api.group.delete", refusedPair(requestId).body(request("groupId", groupId)).post("/api/group/v1/delete"),
                "api.group.membership.update", refusedPair(requestId).body(request("userId", user.uuid()))
                        .patch("/api/group/v1/membership/update"),
                "api.group.activity.agg", refusedPair(requestId).body(request("groupId", groupId, "activityId", "do_1",
                        "activityType", "Course")).post("/api/data/v1/group/activity/agg"));
        refused.forEach((id, response) -> response.then().statusCode(401).body("id", equalTo(id))
                .body("params.status", equalTo("failed")).body("params.msgid", equalTo(requestId))
                .body("responseCode", equalTo("UNAUTHORIZED")));
    }

    /** The Sunbird pair with an API key that is not one: refused before any operation runs. */
    private RequestSpecification refusedPair(String requestId) {
        return api().json().header("Authorization", "Bearer not-a-key").header("x-authenticated-user-token", "nor-a-token")
                .header("X-Request-ID", requestId);
    }

    @Test
    void everySuccessIsA200WithStatusSuccessAndResponseCodeOk() {
        Api.User user = classmate();
        String requestId = UUID.randomUUID().toString();
        String groupId = asTheSunbirdClient(user, requestId).body(request("name", "Envelope", "activities",
                        List.of(activity("do_env")))).post("/api/group/v1/create")
                .then().statusCode(200).extract().path("result.groupId");
        List<Response> successes = List.of(
                asTheSunbirdClient(user, requestId).body(request("groupId", groupId, "name", "Envelope 2"))
                        .patch("/api/group/v1/update"),
                asTheSunbirdClient(user, requestId).get("/api/group/v1/read/" + groupId),
                asTheSunbirdClient(user, requestId).body(request("filters", Map.of("userId", user.uuid())))
                        .post("/api/group/v1/list"),
                asTheSunbirdClient(user, requestId).body(request("userId", user.uuid(),
                        "groups", List.of(Map.of("groupId", groupId, "visited", true))))
                        .patch("/api/group/v1/membership/update"),
                asTheSunbirdClient(user, requestId).body(request("groupId", groupId, "activityId", "do_env",
                        "activityType", "Course")).post("/api/data/v1/group/activity/agg"),
                asTheSunbirdClient(user, requestId).body(request("groupId", groupId)).post("/api/group/v1/delete"));
        for (Response r : successes) {
            r.then().statusCode(200).body("params.status", equalTo("success")).body("responseCode", equalTo("OK"))
                    .body("params.msgid", equalTo(requestId)).body("params.resmsgid", notNullValue())
                    .body("params.err", nullValue());
        }
    }

    @Test
    void theListCarriesEachGroupsActivitiesAsTheSampleShows() {
        Api.User user = classmate();
        String withTwo = create(user, "activities", List.of(activity("do_2130548011728240641164"),
                Map.of("id", "do_quiz", "type", "Resource")));
        String without = create(user);
        Api.User organiser = classmate();
        String joined = create(organiser, "members", List.of(member(user.uuid(), "member")),
                "activities", List.of(activity("do_joined")));
        Response listed = asTheSunbirdClient(user, UUID.randomUUID().toString())
                .body(request("filters", Map.of("userId", user.uuid()))).post("/api/group/v1/list");
        listed.then().statusCode(200).body("id", equalTo("api.group.list"))
                .body("result.group.find { it.id == '" + withTwo + "' }.activities",
                        equalTo(List.of(Map.of("id", "do_2130548011728240641164", "type", "Course"),
                                Map.of("id", "do_quiz", "type", "Resource"))))
                .body("result.group.find { it.id == '" + without + "' }.activities", empty())
                .body("result.group.find { it.id == '" + joined + "' }.activities",
                        equalTo(List.of(Map.of("id", "do_joined", "type", "Course"))))
                .body("result.group.find { it.id == '" + joined + "' }.memberRole", equalTo("member"))
                .body("result.group.find { it.id == '" + joined + "' }.createdOn", matchesPattern(SUNBIRD_TS));
    }

    @Test
    void withoutTheSunbirdCredentialPairTheCallIsUnauthorized() {
        Api api = api();
        Api.User user = classmate();
        api.json().body(request("name", "x")).post("/api/group/v1/create").then()
                .statusCode(401).body("responseCode", equalTo("UNAUTHORIZED")).body("params.status", equalTo("failed"));
        // a user token alone is not the Sunbird pair
        api.json().header("Authorization", "Bearer " + user.token()).body(request("name", "x"))
                .post("/api/group/v1/create").then().statusCode(401).body("responseCode", equalTo("UNAUTHORIZED"));
    }

    @Test
    void membersThatAreNotAccountsAreReportedAndTheRestAreAdded() {
        Api api = api();
        Api.User creator = classmate();
        Api.User friend = classmate();
        String ghost = UUID.randomUUID().toString();
        Response created = as(creator).body(request("name", "Readers",
                        "members", List.of(member(friend.uuid(), "member"), member(ghost, "admin")),
                        "activities", List.of(activity("do_1"), activity("do_2"))))
                .post("/api/group/v1/create");
        created.then().statusCode(200)
                .body("result.error.members", hasSize(1))
                .body("result.error.members[0].userId", equalTo(ghost))
                .body("result.error.members[0].errorCode", equalTo("MEMBER_NOT_FOUND"));
        read(creator, created.path("result.groupId"), "members,activities").statusCode(200)
                .body("result.members.userId", hasItem(friend.uuid()))
                .body("result.members", hasSize(2))
                .body("result.activities.id", equalTo(List.of("do_1", "do_2")));
    }

    @Test
    void overTheMemberAndActivityLimitsTheGroupIsCreatedWithoutThem() {
        Api.User creator = classmate();
        List<Map<String, String>> members = IntStream.range(0, 150)
                .mapToObj(i -> member(UUID.randomUUID().toString(), "member")).toList();
        List<Map<String, String>> activities = IntStream.range(0, 21).mapToObj(i -> activity("do_" + i)).toList();
        Response created = as(creator).body(request("name", "Too big", "members", members, "activities", activities))
                .post("/api/group/v1/create");
        created.then().statusCode(200)
                .body("result.error.members[0].errorCode", equalTo("GS_CRT04"))
                .body("result.error.members[0].errorMessage", containsString("150"))
                .body("result.error.activities[0].errorCode", equalTo("GS_CRT05"))
                .body("result.error.activities[0].errorMessage", containsString("20"));
        read(creator, created.path("result.groupId"), "members,activities").statusCode(200)
                .body("result.members", hasSize(1)).body("result.activities", empty());
        // exactly at the activity limit is fine
        String full = create(creator, "activities", activities.subList(0, 20));
        read(creator, full, null).body("result.activities", hasSize(20));
    }

    @Test
    void aUserCannotBeInMoreGroupsThanTheLimitWhenCreatingOne() {
        Api.User creator = classmate();
        for (int i = 0; i < 50; i++) {
            create(creator);
        }
        failed(as(creator).body(request("name", "one too many")).post("/api/group/v1/create").then(),
                400, "GS_CRT03", "CLIENT_ERROR");
        as(creator).body(request("name", "one too many")).post("/api/group/v1/create").then()
                .body("params.errmsg", containsString("exceeded number of permissible groups"));
        assertEquals(50, ((List<?>) as(creator).body(request("filters", Map.of("userId", creator.uuid())))
                .post("/api/group/v1/list").then().statusCode(200).extract().path("result.group")).size());
    }

    @Test
    void aUserAddedToManyGroupsCanStillCreateOnlyCreatedGroupsCount() {
        Api.User busy = classmate();
        Api.User organiser = classmate();
        for (int i = 0; i < 50; i++) {
            create(organiser, "members", List.of(member(busy.uuid(), "member")));
        }
        create(busy);
        failed(as(organiser).body(request("name", "one too many")).post("/api/group/v1/create").then(),
                400, "GS_CRT03", "CLIENT_ERROR");
        // leaving a group one created does not give the place back: the group is still there
        String left = create(busy);
        update(busy, left, "members", Map.of("remove", List.of(busy.uuid()))).statusCode(200);
        assertEquals(51, ((List<?>) as(busy).body(request("filters", Map.of("userId", busy.uuid())))
                .post("/api/group/v1/list").then().statusCode(200).extract().path("result.group")).size());
    }

    @Test
    void theOpenApiDocumentListsTheGroupOperations() {
        api().request().accept("application/json").get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/group/v1/create"))
                .body("paths", hasKey("/api/group/v1/update"))
                .body("paths", hasKey("/api/group/v1/read/{groupId}"))
                .body("paths", hasKey("/api/group/v1/list"))
                .body("paths", hasKey("/api/group/v1/delete"))
                .body("paths", hasKey("/api/group/v1/membership/update"))
                .body("paths", hasKey("/api/data/v1/group/activity/agg"));
    }

    // ------------------------------------------------------------------ update

    @Test
    void anUpdateAppliesWhatItCanAndReportsEachItemThatFailed() {
        Api api = api();
        Api.User admin = classmate();
        Api.User existing = classmate();
        Api.User newcomer = classmate();
        Api.User stranger = classmate();
        String ghost = UUID.randomUUID().toString();
        String groupId = create(admin, "members", List.of(member(existing.uuid(), "member")),
                "activities", List.of(activity("do_a")));
        Response updated = as(admin).body(request("groupId", groupId, "name", "Renamed",
                        "members", Map.of(
                                "add", List.of(member(existing.uuid(), "member"), member(ghost, "member"),
                                        member(newcomer.uuid(), "admin")),
                                "edit", List.of(member(existing.uuid(), "admin"), member(stranger.uuid(), "member")),
                                "remove", List.of(stranger.uuid())),
                        "activities", Map.of("add", List.of(activity("do_a"), activity("do_b")),
                                "remove", List.of("do_zzz"))))
                .patch("/api/group/v1/update");
        updated.then().statusCode(200).body("id", equalTo("api.group.update"))
                .body("result.response", equalTo("success"))
                .body("result.error.members.find { it.userId == '" + existing.uuid() + "' }.errorCode",
                        equalTo("MEMBER_EXISTS"))
                .body("result.error.members.find { it.userId == '" + ghost + "' }.errorCode",
                        equalTo("MEMBER_NOT_FOUND"))
                .body("result.error.members.findAll { it.userId == '" + stranger.uuid() + "' }.errorCode",
                        equalTo(List.of("MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND")))
                .body("result.error.members", hasSize(4))
                .body("result.error.activities.find { it.id == 'do_a' }.errorCode", equalTo("ACTIVITY_EXISTS"))
                .body("result.error.activities.find { it.id == 'do_zzz' }.errorCode", equalTo("ACTIVITY_NOT_FOUND"));
        read(admin, groupId, "members,activities").statusCode(200)
                .body("result.name", equalTo("Renamed"))
                .body("result.updatedBy", equalTo(admin.uuid()))
                .body("result.members", hasSize(3))
                .body("result.members.find { it.userId == '" + newcomer.uuid() + "' }.role", equalTo("admin"))
                .body("result.members.find { it.userId == '" + existing.uuid() + "' }.role", equalTo("admin"))
                .body("result.activities.id", equalTo(List.of("do_a", "do_b")));
        // accounts are named by uuid only: a numeric id or an email names nobody
        update(admin, groupId, "members", Map.of("remove", List.of(String.valueOf(newcomer.id()), newcomer.email())))
                .statusCode(200).body("result.error.members.errorCode",
                        equalTo(List.of("MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND")));
        read(admin, groupId, "members").body("result.members.userId", hasItem(newcomer.uuid()));
        update(admin, groupId, "members", Map.of("remove", List.of(newcomer.uuid())))
                .statusCode(200).body("result", not(hasKey("error")));
        read(admin, groupId, "members").body("result.members.userId", not(hasItem(newcomer.uuid())));
    }

    @Test
    void onlyAdminsChangeDetailsAndMembersWhileAnyMemberManagesActivitiesAndMayLeave() {
        Api api = api();
        Api.User admin = classmate();
        Api.User member = classmate();
        Api.User outsider = classmate();
        String groupId = create(admin, "members", List.of(member(member.uuid(), "member")));
        failed(update(member, groupId, "name", "mine now"), 401, "GS_UDT09", "UNAUTHORIZED");
        failed(update(member, groupId, "status", "suspended"), 401, "GS_UDT09", "UNAUTHORIZED");
        failed(update(member, groupId, "members", Map.of("add", List.of(member(outsider.uuid(), "member")))),
                401, "GS_UDT09", "UNAUTHORIZED");
        failed(update(outsider, groupId, "activities", Map.of("add", List.of(activity("do_x")))),
                401, "GS_UDT09", "UNAUTHORIZED");
        update(member, groupId, "activities", Map.of("add", List.of(activity("do_m")))).statusCode(200);
        read(member, groupId, null).statusCode(200).body("result.activities.id", equalTo(List.of("do_m")))
                .body("result.name", not(equalTo("mine now")));
        update(member, groupId, "activities", Map.of("remove", List.of("do_m"))).statusCode(200);
        read(member, groupId, null).body("result.activities", empty());
        // leaving: the one change any member may make to the members
        update(member, groupId, "members", Map.of("remove", List.of(member.uuid()))).statusCode(200)
                .body("result", not(hasKey("error")));
        failed(read(member, groupId, null), 401, "GS_RED08", "UNAUTHORIZED");
    }

    @Test
    void sunbirdBodiesNameAccountsByUuidOnly() {
        Api.User admin = classmate();
        Api.User friend = classmate();
        Response created = as(admin).body(request("name", "By id", "members", List.of(
                        member(String.valueOf(friend.id()), "member"), member(friend.email(), "member"))))
                .post("/api/group/v1/create");
        created.then().statusCode(200).body("result.error.members.errorCode",
                equalTo(List.of("MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND")));
        String groupId = created.path("result.groupId");
        update(admin, groupId, "members", Map.of("add", List.of(member(String.valueOf(friend.id()), "member"),
                        member(friend.email(), "member"))))
                .statusCode(200).body("result.error.members.errorCode",
                        equalTo(List.of("MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND")));
        read(admin, groupId, "members").body("result.members", hasSize(1));
        update(admin, groupId, "members", Map.of("add", List.of(member("urn:uuid:" + friend.uuid(), "member"))))
                .statusCode(200).body("result", not(hasKey("error")));
        read(admin, groupId, "members").body("result.members.userId", hasItem(friend.uuid()));
        // leaving, listing and the visited flag name oneself by uuid too
        failed(update(friend, groupId, "members", Map.of("remove", List.of(String.valueOf(friend.id())))),
                401, "GS_UDT09", "UNAUTHORIZED");
        failed(as(friend).body(request("filters", Map.of("userId", friend.email()))).post("/api/group/v1/list").then(),
                401, "GS_LST03", "UNAUTHORIZED");
        failed(as(friend).body(request("userId", String.valueOf(friend.id()), "groups",
                        List.of(Map.of("groupId", groupId, "visited", true))))
                .patch("/api/group/v1/membership/update").then(), 401, "GS_MBR03", "UNAUTHORIZED");
    }

    @Test
    void anAdminAddsOnlyAccountsSharingAnAcademyOrACohortAndOthersReadAsUnknown() {
        Api api = api();
        Api.User admin = api.newUser();
        Api.User stranger = api.newUser();
        Api.User academyMate = api.newUser();
        Api.User cohortMate = api.newUser();
        long academy = api.newAcademy();
        api.addToAcademy(academy, admin.id(), "teacher");
        api.addToAcademy(academy, academyMate.id(), "student");
        Api.Cohort cohort = api.newCohort(api.newAcademy(), null);
        api.addToCohort(cohort.slug(), admin.id(), "TEACHER");
        api.addToCohort(cohort.slug(), cohortMate.id(), "STUDENT");
        String ghost = UUID.randomUUID().toString();

        Response created = as(admin).body(request("name", "Reach", "members", List.of(member(stranger.uuid(), "member"),
                        member(ghost, "member"), member(academyMate.uuid(), "member"))))
                .post("/api/group/v1/create");
        created.then().statusCode(200);
        List<Map<String, String>> refused = created.path("result.error.members");
        assertEquals(List.of(Map.of("userId", stranger.uuid(), "errorCode", "MEMBER_NOT_FOUND", "errorMessage", "no such user"),
                Map.of("userId", ghost, "errorCode", "MEMBER_NOT_FOUND", "errorMessage", "no such user")), refused,
                "an account outside the admin's academies and cohorts reads exactly as one that does not exist");
        String groupId = created.path("result.groupId");
        String strangerAnswer = update(admin, groupId, "members", Map.of("add", List.of(member(stranger.uuid(), "member"))))
                .statusCode(200).extract().asString();
        String ghostAnswer = update(admin, groupId, "members", Map.of("add", List.of(member(ghost, "member"))))
                .statusCode(200).extract().asString();
        assertEquals(withoutEnvelopeNoise(ghostAnswer).replace(ghost, "ACCOUNT"),
                withoutEnvelopeNoise(strangerAnswer).replace(stranger.uuid(), "ACCOUNT"));
        update(admin, groupId, "members", Map.of("add", List.of(member(cohortMate.uuid(), "member"))))
                .statusCode(200).body("result", not(hasKey("error")));
        read(admin, groupId, "members").body("result.members.userId",
                equalTo(List.of(admin.uuid(), academyMate.uuid(), cohortMate.uuid())));

        // a member who is an admin of the group adds within their own academies and cohorts, not the creator's
        update(admin, groupId, "members", Map.of("edit", List.of(member(academyMate.uuid(), "admin")))).statusCode(200);
        Api.User secondCohortMate = api.newUser();
        api.addToCohort(cohort.slug(), secondCohortMate.id(), "STUDENT");
        update(academyMate, groupId, "members", Map.of("add", List.of(member(secondCohortMate.uuid(), "member"))))
                .statusCode(200).body("result.error.members[0].errorCode", equalTo("MEMBER_NOT_FOUND"));
        update(admin, groupId, "members", Map.of("add", List.of(member(secondCohortMate.uuid(), "member"))))
                .statusCode(200).body("result", not(hasKey("error")));
        Api.User platformAdmin = new Api.User(0, null, Api.ADMIN_EMAIL, api.adminToken());
        String adminsGroup = create(platformAdmin, "members", List.of(member(stranger.uuid(), "member")));
        read(platformAdmin, adminsGroup, "members").body("result.members.userId", hasItem(stranger.uuid()));
    }

    @Test
    void aStudentOnlyInACohortOfTheAdminsAcademySharesThatAcademy() {
        Api api = api();
        long academy = api.newAcademy();
        Api.User teacher = api.newUser();
        api.addToAcademy(academy, teacher.id(), "teacher");
        Api.User cohortOnly = api.newUser();
        api.addToCohort(api.newCohort(academy, null).slug(), cohortOnly.id(), "STUDENT");
        String groupId = create(teacher, "members", List.of(member(cohortOnly.uuid(), "member")));
        read(teacher, groupId, "members").statusCode(200)
                .body("result.members.userId", equalTo(List.of(teacher.uuid(), cohortOnly.uuid())));
    }

    /** A Sunbird answer without what differs between any two answers: the time, the request id and the message id. */
    private static String withoutEnvelopeNoise(String answer) {
        return answer.replaceAll("\"(ts|resmsgid|msgid)\":\"[^\"]*\"", "");
    }

    @Test
    void groupViewsNeverShowAnEmailEvenForAccountsWithoutAName() {
        Api api = api();
        Api.User admin = classmate();
        String adminToken = api.adminToken();
        Response namelessAccount = api.as(adminToken).body(Map.of("email", Api.unique("nameless") + "@pulse.test",
                        "password", "password-123"))
                .post("/v1/admin/users").then().statusCode(201).extract().response();
        String nameless = namelessAccount.path("uuid");
        String username = Api.unique("handle");
        Response withUsername = api.as(adminToken).body(Map.of("email", Api.unique("handled") + "@pulse.test",
                        "password", "password-123", "username", username))
                .post("/v1/admin/users").then().statusCode(201).extract().response();
        for (Response account : List.of(namelessAccount, withUsername)) {
            api.addToAcademy(classroom(), ((Number) account.path("id")).longValue(), "student");
        }
        String activityId = Api.unique("names");
        String groupId = create(admin, "members", List.of(member(nameless, "member"),
                member(withUsername.path("uuid"), "member")), "activities", List.of(activity(activityId)));
        String read = read(admin, groupId, "members").statusCode(200)
                .body("result.members.find { it.userId == '" + nameless + "' }.name", nullValue())
                .body("result.members.find { it.userId == '" + withUsername.path("uuid") + "' }.name", equalTo(username))
                .extract().asString();
        String agg = as(admin).body(request("groupId", groupId, "activityId", activityId, "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg").then().statusCode(200)
                .body("result.members.find { it.userId == '" + nameless + "' }.name", nullValue())
                .extract().asString();
        for (String answer : List.of(read, agg)) {
            assertTrue(!answer.contains("@"), "no email in " + answer);
        }
    }

    @Test
    void theLastAdminMayLeaveAndTheGroupStaysWithItsMembersUntilItsCreatorDeletesIt() {
        Api.User admin = classmate();
        Api.User member = classmate();
        String groupId = create(admin, "members", List.of(member(member.uuid(), "member")));
        update(admin, groupId, "members", Map.of("remove", List.of(admin.uuid()))).statusCode(200)
                .body("result", not(hasKey("error")));
        read(member, groupId, "members").statusCode(200).body("result.members.userId", equalTo(List.of(member.uuid())));
        failed(update(member, groupId, "name", "ours now"), 401, "GS_UDT09", "UNAUTHORIZED");
        failed(read(admin, groupId, null), 401, "GS_RED08", "UNAUTHORIZED");
        as(admin).body(request("groupId", groupId)).post("/api/group/v1/delete").then().statusCode(200);
        failed(read(member, groupId, null), 404, "GS_RED07", "RESOURCE_NOT_FOUND");
    }

    @Test
    void onlyMembersAndPlatformAdminsReadAGroupAndFieldsChooseWhatIsShown() {
        Api api = api();
        Api.User admin = classmate();
        Api.User outsider = classmate();
        String groupId = create(admin, "activities", List.of(activity("do_r")));
        failed(read(outsider, groupId, null), 401, "GS_RED08", "UNAUTHORIZED");
        Api.User platformAdmin = new Api.User(0, null, Api.ADMIN_EMAIL, api.adminToken());
        read(platformAdmin, groupId, "members").statusCode(200).body("result.members", hasSize(1));
        read(admin, groupId, null).statusCode(200).body("result.activities", hasSize(1))
                .body("result", not(hasKey("members")));
        read(admin, groupId, "members").statusCode(200).body("result.members", hasSize(1))
                .body("result", not(hasKey("activities")));
        read(admin, groupId, "activities,members").statusCode(200).body("result.members", hasSize(1))
                .body("result.activities", hasSize(1));
        failed(read(admin, UUID.randomUUID().toString(), null), 404, "GS_RED07", "RESOURCE_NOT_FOUND");
        failed(read(admin, "not-a-group", null), 404, "GS_RED07", "RESOURCE_NOT_FOUND");
    }

    @Test
    void removedMembersAreKeptInactiveAndNeverShownAgain() throws Exception {
        Api api = api();
        Api.User admin = classmate();
        Api.User member = classmate();
        String groupId = create(admin, "members", List.of(member(member.uuid(), "member")));
        update(admin, groupId, "members", Map.of("remove", List.of(member.uuid()))).statusCode(200)
                .body("result", not(hasKey("error")));
        read(admin, groupId, "members").body("result.members.userId", equalTo(List.of(admin.uuid())));
        as(member).body(request("filters", Map.of("userId", member.uuid()))).post("/api/group/v1/list")
                .then().statusCode(200).body("result.group", empty());
        update(admin, groupId, "members", Map.of("remove", List.of(member.uuid()))).statusCode(200)
                .body("result.error.members[0].errorCode", equalTo("MEMBER_NOT_FOUND"));
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres")) {
            PreparedStatement q = db.prepareStatement(
                    "select status, removed_on from study_group_member where group_id = ?::uuid and account_id = ?");
            q.setString(1, groupId);
            q.setLong(2, member.id());
            ResultSet rs = q.executeQuery();
            assertTrue(rs.next(), "the removed member's row is kept");
            assertEquals("inactive", rs.getString(1));
            assertTrue(rs.getTimestamp(2) != null);
        }
        // adding them back reactivates them
        update(admin, groupId, "members", Map.of("add", List.of(member(member.uuid(), "member")))).statusCode(200)
                .body("result", not(hasKey("error")));
        read(member, groupId, "members").statusCode(200).body("result.members", hasSize(2));
    }

    @Test
    void aSuspendedGroupOnlyAllowsLeavingReactivationAndDeletion() {
        Api api = api();
        Api.User admin = classmate();
        Api.User member = classmate();
        Api.User leaver = classmate();
        String groupId = create(admin, "members", List.of(member(member.uuid(), "member"),
                member(leaver.uuid(), "member")));
        update(admin, groupId, "status", "suspended").statusCode(200);
        read(member, groupId, null).statusCode(200).body("result.status", equalTo("suspended"));
        failed(update(admin, groupId, "name", "still here"), 400, "GS_UDT08", "CLIENT_ERROR");
        failed(update(member, groupId, "activities", Map.of("add", List.of(activity("do_s")))),
                400, "GS_UDT08", "CLIENT_ERROR");
        failed(update(admin, groupId, "members", Map.of("remove", List.of(member.uuid()))),
                400, "GS_UDT08", "CLIENT_ERROR");
        as(member).body(request("userId", member.uuid(), "groups", List.of(Map.of("groupId", groupId, "visited", true))))
                .patch("/api/group/v1/membership/update").then().statusCode(200)
                .body("result.error.groups[0].errorCode", equalTo("GROUP_NOT_ACTIVE"));
        update(leaver, groupId, "members", Map.of("remove", List.of(leaver.uuid()))).statusCode(200);
        failed(update(member, groupId, "status", "active"), 401, "GS_UDT09", "UNAUTHORIZED");
        update(admin, groupId, "status", "active").statusCode(200);
        update(admin, groupId, "name", "back").statusCode(200);
        read(member, groupId, "members").statusCode(200).body("result.name", equalTo("back"))
                .body("result.status", equalTo("active")).body("result.members", hasSize(2));
        update(admin, groupId, "status", "suspended").statusCode(200);
        as(admin).body(request("groupId", groupId)).post("/api/group/v1/delete").then().statusCode(200)
                .body("result.response", equalTo("SUCCESS"));
        failed(read(admin, groupId, null), 404, "GS_RED07", "RESOURCE_NOT_FOUND");
    }

    @Test
    void statusInactiveDeletesTheGroupButOnlyForItsCreator() {
        Api api = api();
        Api.User creator = classmate();
        Api.User otherAdmin = classmate();
        String groupId = create(creator, "members", List.of(member(otherAdmin.uuid(), "admin")));
        failed(update(otherAdmin, groupId, "status", "inactive"), 401, "GS_UDT09", "UNAUTHORIZED");
        update(creator, groupId, "status", "inactive").statusCode(200);
        failed(read(creator, groupId, null), 404, "GS_RED07", "RESOURCE_NOT_FOUND");
        failed(update(creator, groupId, "name", "gone"), 404, "GS_UDT07", "RESOURCE_NOT_FOUND");
        failed(update(creator, groupId, "status", "asleep"), 400, "GS_UDT02", "CLIENT_ERROR");
    }

    // ------------------------------------------------------------------ list, delete, membership

    @Test
    void aUserListsOnlyTheirOwnGroupsWithTheirRoleAdminGroupsFirst() {
        Api api = api();
        Api.User alice = classmate();
        Api.User bob = classmate();
        String bobs = create(bob, "members", List.of(member(alice.uuid(), "member")),
                "activities", List.of(activity("do_l")));
        String alices = create(alice);
        Response listed = as(alice).body(request("filters", Map.of("userId", alice.uuid())))
                .post("/api/group/v1/list");
        listed.then().statusCode(200).body("id", equalTo("api.group.list"))
                .body("result.group.id", equalTo(List.of(alices, bobs)))
                .body("result.group.memberRole", equalTo(List.of("admin", "member")))
                .body("result.group.visited", equalTo(List.of(false, false)))
                .body("result.group[1].activities", equalTo(List.of(Map.of("id", "do_l", "type", "Course"))))
                .body("result.group[1].createdBy", equalTo(bob.uuid()));
        // a bare userId, without filters, as older clients send it
        as(alice).body(request("userId", alice.uuid())).post("/api/group/v1/list").then()
                .statusCode(200).body("result.group", hasSize(2));
        failed(as(alice).body(request("filters", Map.of("userId", bob.uuid()))).post("/api/group/v1/list").then(),
                401, "GS_LST03", "UNAUTHORIZED");
        failed(as(alice).body(request("filters", Map.of())).post("/api/group/v1/list").then(),
                400, "GS_LST02", "CLIENT_ERROR");
        Api.User platformAdmin = new Api.User(0, null, Api.ADMIN_EMAIL, api.adminToken());
        as(platformAdmin).body(request("filters", Map.of("userId", bob.uuid()))).post("/api/group/v1/list").then()
                .statusCode(200).body("result.group.id", equalTo(List.of(bobs)));
    }

    @Test
    void onlyTheCreatorDeletesAGroupAndItIsGoneForGood() throws Exception {
        Api api = api();
        Api.User creator = classmate();
        Api.User admin = classmate();
        String groupId = create(creator, "members", List.of(member(admin.uuid(), "admin")),
                "activities", List.of(activity("do_d")));
        failed(as(admin).body(request("groupId", groupId)).post("/api/group/v1/delete").then(),
                401, "GS_DLT10", "UNAUTHORIZED");
        failed(as(creator).body(request("groupId", UUID.randomUUID().toString())).post("/api/group/v1/delete").then(),
                404, "GS_DLT07", "RESOURCE_NOT_FOUND");
        failed(as(creator).body(request()).post("/api/group/v1/delete").then(), 400, "GS_DLT02", "CLIENT_ERROR");
        as(creator).body(request("groupId", groupId)).post("/api/group/v1/delete").then().statusCode(200)
                .body("id", equalTo("api.group.delete")).body("result.response", equalTo("SUCCESS"));
        failed(read(creator, groupId, null), 404, "GS_RED07", "RESOURCE_NOT_FOUND");
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres")) {
            PreparedStatement q = db.prepareStatement("select (select count(*) from study_group_member where group_id = ?::uuid)"
                    + " + (select count(*) from study_group_activity where group_id = ?::uuid)");
            q.setString(1, groupId);
            q.setString(2, groupId);
            ResultSet rs = q.executeQuery();
            rs.next();
            assertEquals(0, rs.getInt(1), "members and activities are deleted with the group");
        }
    }

    @Test
    void membershipUpdateSetsOnlyTheCallersOwnVisitedFlag() {
        Api api = api();
        Api.User admin = classmate();
        Api.User member = classmate();
        String groupId = create(admin, "members", List.of(member(member.uuid(), "member")));
        String notMine = create(admin);
        as(member).body(request("userId", member.uuid(), "groups", List.of(
                        Map.of("groupId", groupId, "visited", true), Map.of("groupId", notMine, "visited", true))))
                .patch("/api/group/v1/membership/update").then().statusCode(200)
                .body("id", equalTo("api.group.membership.update"))
                .body("result.error.groups[0].groupId", equalTo(notMine))
                .body("result.error.groups[0].errorCode", equalTo("MEMBER_NOT_FOUND"));
        as(member).body(request("filters", Map.of("userId", member.uuid()))).post("/api/group/v1/list").then()
                .body("result.group[0].visited", equalTo(true));
        as(admin).body(request("filters", Map.of("userId", admin.uuid()))).post("/api/group/v1/list").then()
                .body("result.group.visited", equalTo(List.of(false, false)));
        failed(as(admin).body(request("userId", member.uuid(), "groups", List.of(Map.of("groupId", groupId, "visited", false))))
                .patch("/api/group/v1/membership/update").then(), 401, "GS_MBR03", "UNAUTHORIZED");
        failed(as(member).body(request("userId", member.uuid())).patch("/api/group/v1/membership/update").then(),
                400, "GS_MBR02", "CLIENT_ERROR");
    }

    // ------------------------------------------------------------------ activity aggregate

    /** One grade2 Caliper event about a learner and an activity, as the integrator would send it. */
    private static Map<String, Object> caliperEvent(Api.Client integrator, Api.User learner, String activityId, String time,
            Map<String, Object> progress) {
        Map<String, Object> object = new HashMap<>(Map.of(
                "type", "Attempt",
                "assignee", Map.of("id", "urn:uuid:" + learner.uuid(), "type", "Person"),
                "assignable", Map.of("id", activityId, "type", "Activity", "skillCode", "EF15LP01",
                        "isPartOf", Map.of("id", "LP", "name", "Portuguese", "type", "Subject")),
                "dateCreated", time, "startedAtTime", time, "endedAtTime", time, "totalTime", 300));
        object.putAll(progress);
        return Map.of(
                "@context", "http://purl.imsglobal.org/ctx/caliper/v1p2",
                "id", "urn:uuid:" + UUID.randomUUID(),
                "type", "GradeEvent", "profile", "GradingProfile", "action", "Graded",
                "actor", Map.of("type", "SoftwareApplication", "host", "https://reader.example.org"),
                "object", object,
                "edApp", integrator.edapp(),
                "generated", Map.of("type", "Score", "maxScore", 10, "scoreGiven", 8.5));
    }

    @Test
    void theActivityAggregateIsComputedFromTelemetryAndCaliperDataPostedThroughTheirApis() {
        Api api = api();
        long academy = api.newAcademy();
        Api.User coordinator = classmate();
        api.addToAcademy(academy, coordinator.id(), "academy_coordinator");
        Api.User admin = classmate();
        Api.User alice = classmate();
        Api.User bob = classmate();
        Api.User carol = classmate();
        Api.User dave = classmate();
        Api.User eve = classmate();
        for (Api.User student : List.of(alice, bob, carol, dave, eve)) {
            api.addToAcademy(academy, student.id(), "student");
        }
        String activityId = Api.unique("fractions");
        String groupId = create(admin, "members", List.of(member(alice.uuid(), "member"), member(bob.uuid(), "member"),
                member(carol.uuid(), "member"), member(dave.uuid(), "member")),
                "activities", List.of(Map.of("id", activityId, "type", "Course")));

        // telemetry through the BreatheCode telemetry API: completion_rate for the asset named by the activity id
        java.util.function.BiConsumer<Api.User, Integer> telemetry = (student, rate) -> api.as(coordinator.token())
                .header("Academy", String.valueOf(academy))
                .body(Map.of("completion_rate", rate))
                .post("/v1/assignment/academy/asset/" + activityId + "/user/" + student.id() + "/telemetry")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        telemetry.accept(alice, 40);
        telemetry.accept(bob, 100);
        telemetry.accept(eve, 100); // not a member: never counted

        // Caliper events through the grade2 API of an integrator bound to the students' academy
        Api.Client integrator = api.newClient(academy);
        java.util.function.Consumer<Map<String, Object>> caliper = event -> api.request().contentType("application/json")
                .header("Authorization", integrator.token()).body(event).post("/analytics/grade2")
                .then().statusCode(200);
        caliper.accept(caliperEvent(integrator, alice, activityId, "2024-03-01T10:00:00Z",
                Map.of("percentReading", 70, "finished", false, "completionType", "ONGOING")));
        caliper.accept(caliperEvent(integrator, bob, activityId, "2024-03-01T10:00:00Z",
                Map.of("percentReading", 10)));
        caliper.accept(caliperEvent(integrator, carol, activityId, "2024-03-02T10:00:00Z",
                Map.of("finished", true)));
        caliper.accept(caliperEvent(integrator, dave, "some-other-activity", "2024-03-02T10:00:00Z",
                Map.of("completionType", "SUCCESSFULL")));
        // evidence only counts from clients bound to an academy of the learner: not from an unbound one,
        // nor from one bound to an academy dave is not in
        for (Api.Client elsewhere : List.of(api.newClient(), api.newClient(api.newAcademy()))) {
            api.request().contentType("application/json").header("Authorization", elsewhere.token())
                    .body(caliperEvent(elsewhere, dave, activityId, "2024-03-03T10:00:00Z", Map.of("finished", true)))
                    .post("/analytics/grade2").then().statusCode(200);
        }

        String requestId = UUID.randomUUID().toString();
        Response agg = as(alice).header("X-Request-ID", requestId)
                .body(request("groupId", groupId, "activityId", activityId, "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg");
        agg.then().statusCode(200)
                .body("id", equalTo("api.group.activity.agg")).body("params.msgid", equalTo(requestId))
                .body("result.groupId", equalTo(groupId))
                .body("result.activity.id", equalTo(activityId)).body("result.activity.type", equalTo("Course"))
                .body("result.activity.agg.find { it.metric == 'enrolmentCount' }.value", equalTo(3))
                .body("result.activity.agg.find { it.metric == 'completedCount' }.value", equalTo(2))
                .body("result.activity.agg.find { it.metric == 'averageProgress' }.value", equalTo(54.0f))
                .body("result.activity.agg[0].lastUpdatedOn", notNullValue())
                .body("result.members", hasSize(5))
                .body("result.members.userId", not(hasItem(eve.uuid())));
        assertEquals(Map.of(admin.uuid(), 0f, alice.uuid(), 70f, bob.uuid(), 100f, carol.uuid(), 100f, dave.uuid(), 0f),
                progressByMember(agg, "progress"));
        assertEquals(Map.of(admin.uuid(), 0, alice.uuid(), 0, bob.uuid(), 1, carol.uuid(), 1, dave.uuid(), 0),
                progressByMember(agg, "completedCount"));
        agg.then().body("result.members.find { it.userId == '" + dave.uuid() + "' }.agg[0].lastUpdatedOn",
                        org.hamcrest.Matchers.isA(Long.class))
                .body("result.members.find { it.userId == '" + alice.uuid() + "' }.role", equalTo("member"))
                .body("result.members.find { it.userId == '" + alice.uuid() + "' }.name", equalTo("Ada Lovelace"))
                .body("result.members.find { it.userId == '" + carol.uuid() + "' }.agg[0].lastUpdatedOn",
                        equalTo(java.time.Instant.parse("2024-03-02T10:00:00Z").toEpochMilli()));

        // more telemetry moves the numbers: alice finishes
        telemetry.accept(alice, 100);
        as(alice).body(request("groupId", groupId, "activityId", activityId, "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg").then().statusCode(200)
                .body("result.activity.agg.find { it.metric == 'completedCount' }.value", equalTo(3))
                .body("result.activity.agg.find { it.metric == 'averageProgress' }.value", equalTo(60.0f));

        failed(as(eve).body(request("groupId", groupId, "activityId", activityId, "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg").then(), 401, "GS_AGG03", "UNAUTHORIZED");
        failed(as(alice).body(request("groupId", groupId, "activityId", activityId))
                .post("/api/data/v1/group/activity/agg").then(), 400, "GS_AGG02", "CLIENT_ERROR");
        failed(as(alice).body(request("groupId", UUID.randomUUID().toString(), "activityId", activityId,
                        "activityType", "Course")).post("/api/data/v1/group/activity/agg").then(),
                404, "GS_AGG07", "RESOURCE_NOT_FOUND");
    }

    @Test
    void lastUpdatedOnIsAlwaysEpochMillisTheRequestTimeWhenThereIsNoDataYet() {
        Api.User admin = classmate();
        String groupId = create(admin, "activities", List.of(activity("do_untouched")));
        long before = System.currentTimeMillis();
        Response agg = asTheSunbirdClient(admin, UUID.randomUUID().toString())
                .body(request("groupId", groupId, "activityId", "do_untouched", "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg");
        long after = System.currentTimeMillis();
        agg.then().statusCode(200);
        List<Object> times = new ArrayList<>(agg.<List<Object>>path("result.activity.agg.lastUpdatedOn"));
        times.addAll(agg.<List<Object>>path("result.members[0].agg.lastUpdatedOn"));
        assertEquals(5, times.size());
        for (Object t : times) {
            assertTrue(t instanceof Long, "a number of epoch millis: " + t);
            assertTrue((Long) t >= before - 1000 && (Long) t <= after + 1000, "the request time: " + t);
        }
    }

    @Test
    void theAggregateAnswersOnlyForOneOfTheGroupsOwnActivities() {
        Api.User admin = classmate();
        String groupId = create(admin, "activities", List.of(activity("do_own")));
        String otherGroup = create(admin, "activities", List.of(activity("do_elsewhere")));
        as(admin).body(request("groupId", groupId, "activityId", "do_own", "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg").then().statusCode(200);
        for (String foreign : List.of("do_elsewhere", "do_never_added")) {
            failed(as(admin).body(request("groupId", groupId, "activityId", foreign, "activityType", "Course"))
                    .post("/api/data/v1/group/activity/agg").then(), 404, "ACTIVITY_NOT_FOUND", "RESOURCE_NOT_FOUND");
        }
        as(admin).body(request("groupId", otherGroup, "activityId", "do_elsewhere", "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg").then().statusCode(200);
    }

    @Test
    void aNulCharacterInAnyTextOfARequestIsAClientErrorNamingItNeverA500() {
        Api.User admin = classmate();
        String groupId = create(admin, "nul", List.of(activity("do_nul")));
        // found by FuzzIT (seed -4300916199867503140): PostgreSQL refuses NUL even as a query parameter
        failed(as(admin).body(request("groupId", groupId, "activityId", "do\u0000nul", "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg").then()
                .body("params.errmsg", equalTo("request.activityId: Null characters are not allowed.")),
                400, "INVALID_INPUT", "CLIENT_ERROR");
        failed(as(admin).body(request("name", "a\u0000b")).post("/api/group/v1/create").then()
                .body("params.errmsg", containsString("request.name")), 400, "INVALID_INPUT", "CLIENT_ERROR");
        failed(as(admin).body(request("groupId", groupId, "members", Map.of("remove", List.of("x\u0000"))))
                .patch("/api/group/v1/update").then()
                .body("params.errmsg", containsString("request.members.remove")), 400, "INVALID_INPUT", "CLIENT_ERROR");
    }

    @Test
    void aGroupWhoseMembersHaveManyEventsIsAnsweredFromAggregatesInTheDatabase() throws Exception {
        Api api = api();
        long academy = api.newAcademy();
        Api.User admin = classmate();
        List<Api.User> learners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.User learner = classmate();
            api.addToAcademy(academy, learner.id(), "student");
            learners.add(learner);
        }
        String activityId = Api.unique("marathon");
        String groupId = create(admin, "members", learners.stream().map(l -> member(l.uuid(), "member")).toList(),
                "activities", List.of(activity(activityId)));
        Api.Client integrator = api.newClient(academy);
        // 10,000 events straight into the table (the API is not what is measured here): 2,500 per learner,
        // percentReading 0..98 by turns; learner 0 also finished once, learner 3 only has events of another activity
        try (Connection db = DriverManager.getConnection(IntegrationDatabase.jdbcUrl(), "postgres", "postgres")) {
            PreparedStatement insert = db.prepareStatement("""
                    insert into caliper_event (client_id, event_id, type, account_id, assignable, event_time,
                        fingerprint, payload, received_at)
                    select ?, 'urn:uuid:' || gen_random_uuid(), 'GradeEvent', ?, ?,
                        timestamptz '2024-01-01T00:00:00Z' + n * interval '1 minute', md5(n::text),
                        jsonb_build_object('object', jsonb_build_object('percentReading', n % 99,
                            'finished', ? and n = 1234)), now()
                    from generate_series(1, 2500) n""");
            for (int i = 0; i < learners.size(); i++) {
                insert.setString(1, integrator.clientId());
                insert.setLong(2, learners.get(i).id());
                insert.setString(3, i == 3 ? activityId + "-other" : activityId);
                insert.setBoolean(4, i == 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Response agg = as(admin).body(request("groupId", groupId, "activityId", activityId, "activityType", "Course"))
                .post("/api/data/v1/group/activity/agg");
        agg.then().statusCode(200)
                .body("result.activity.agg.find { it.metric == 'enrolmentCount' }.value", equalTo(3))
                .body("result.activity.agg.find { it.metric == 'completedCount' }.value", equalTo(1))
                // (100 + 98 + 98 + 0 + 0) / 5 members
                .body("result.activity.agg.find { it.metric == 'averageProgress' }.value", equalTo(59.2f))
                .body("result.activity.agg[0].lastUpdatedOn",
                        equalTo(java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(2500 * 60).toEpochMilli()));
        assertEquals(Map.of(admin.uuid(), 0f, learners.get(0).uuid(), 100f, learners.get(1).uuid(), 98f,
                learners.get(2).uuid(), 98f, learners.get(3).uuid(), 0f), progressByMember(agg, "progress"));
    }

    private static Map<String, Object> progressByMember(Response agg, String metric) {
        List<Map<String, Object>> members = agg.path("result.members");
        Map<String, Object> byMember = new HashMap<>();
        for (Map<String, Object> m : members) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> metrics = (List<Map<String, Object>>) m.get("agg");
            metrics.stream().filter(x -> metric.equals(x.get("metric"))).findFirst()
                    .ifPresent(x -> byMember.put((String) m.get("userId"), x.get("value")));
        }
        return byMember;
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void concurrentAdditionsByTwoAdminsAreAllKept() throws Exception {
        Api api = api();
        Api.User first = classmate();
        Api.User second = classmate();
        String groupId = create(first, "members", List.of(member(second.uuid(), "admin")));
        List<String> newcomers = accounts(api, classroom(), 8);
        List<Integer> statuses = AtOnce.run(newcomers.size(), i -> update(i % 2 == 0 ? first : second, groupId,
                "members", Map.of("add", List.of(member(newcomers.get(i), "member")))).extract().statusCode());
        for (int status : statuses) {
            assertEquals(200, status);
        }
        read(first, groupId, "members").body("result.members", hasSize(10));
    }

    @Test
    void twoAdminsAddingMembersAtOnceNeverExceedTheMemberLimit() throws Exception {
        Api api = api();
        Api.User first = classmate();
        Api.User second = classmate();
        List<String> people = accounts(api, classroom(), 150);
        // creator + second admin + 146 = 148 members; each admin then adds 2 at once: only one batch fits
        List<Map<String, String>> initial = new ArrayList<>();
        initial.add(member(second.uuid(), "admin"));
        people.subList(0, 146).forEach(p -> initial.add(member(p, "member")));
        String groupId = create(first, "members", initial);
        read(first, groupId, "members").body("result.members", hasSize(148));
        Callable<String> byFirst = () -> update(first, groupId, "members", Map.of("add", List.of(
                member(people.get(146), "member"), member(people.get(147), "member")))).statusCode(200).extract().asString();
        Callable<String> bySecond = () -> update(second, groupId, "members", Map.of("add", List.of(
                member(people.get(148), "member"), member(people.get(149), "member")))).statusCode(200).extract().asString();
        List<String> bodies = AtOnce.run(List.of(byFirst, bySecond));
        long refused = bodies.stream().filter(body -> body.contains("GS_UDT05")).count();
        assertEquals(1, refused, "exactly one batch is refused: " + bodies);
        read(first, groupId, "members").body("result.members", hasSize(150));
    }

    /** Accounts without tokens (cheaper than Api.newUser) in the academy, named by uuid. */
    private static List<String> accounts(Api api, long academy, int count) throws Exception {
        String adminToken = api.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(pool.submit(() -> {
                    Response account = api.as(adminToken)
                            .body(Map.of("email", Api.unique("member") + "@pulse.test", "password", "password-123",
                                    "first_name", "Member", "last_name", "Person"))
                            .post("/v1/admin/users").then().statusCode(201).extract().response();
                    api.addToAcademy(academy, ((Number) account.path("id")).longValue(), "student");
                    return account.<String>path("uuid");
                }));
            }
            List<String> uuids = new ArrayList<>();
            for (Future<String> f : created) {
                uuids.add(f.get());
            }
            return uuids;
        } finally {
            pool.shutdown();
        }
    }
}
