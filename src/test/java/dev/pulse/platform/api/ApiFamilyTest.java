package dev.pulse.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiFamilyTest {

    @Test
    void pathsChooseTheirFamily() {
        assertEquals(ApiFamily.BREATHECODE, ApiFamily.forPath("/v1/activity/user/1"));
        assertEquals(ApiFamily.CALIPER, ApiFamily.forPath("analytics/grade2"));
        assertEquals(ApiFamily.SUNBIRD, ApiFamily.forPath("/api/group/v1/create"));
        assertEquals(ApiFamily.SUNBIRD, ApiFamily.forPath("/api/data/v1/group/activity/agg"));
        assertEquals(ApiFamily.LIVE, ApiFamily.forPath("/live/mentorship/queue"));
    }

    @Family(ApiFamily.LIVE)
    static class DeclaresLive {
    }

    @Test
    void aMatchedResourcesDeclarationWinsAndUnmatchedUrlsGoByPath() {
        assertEquals(ApiFamily.LIVE, ApiFamily.of(DeclaresLive.class, "/v1/anything"));
        assertEquals(ApiFamily.SUNBIRD, ApiFamily.of(null, "/api/group/v1/nothing"));
        assertEquals(ApiFamily.CALIPER, ApiFamily.of(ApiFamilyTest.class, "/analytics/nothing"));
    }

    @Test
    void breatheCodeValidationErrorsAreKeyedByField() {
        JsonObject body = ApiFamily.BREATHECODE.error(ApiError.invalid(Map.of("total_time", List.of("bad"))));
        assertEquals("bad", body.getJsonArray("total_time").getString(0));
    }

    @Test
    void breatheCodeErrorsWithoutASlugOmitIt() {
        JsonObject body = ApiFamily.BREATHECODE.error(new ApiError(403, null, "nope"));
        assertEquals("nope", body.getString("detail"));
        assertEquals(403, body.getInt("status_code"));
        assertFalse(body.containsKey("slug"));
    }

    @Test
    void caliperErrorsListEveryMessage() {
        JsonObject body = ApiFamily.CALIPER.error(ApiError.invalid(Map.of("a", List.of("Field a not informed"),
                "b", List.of("Field b not informed"))));
        assertEquals(2, body.getJsonArray("message").size());
    }

    @Test
    void sunbirdErrorsUseTheEnvelope() {
        JsonObject body = ApiFamily.SUNBIRD.error(ApiError.notFound("group-not-found", "no such group").forApi("api.group.read"));
        assertEquals("api.group.read", body.getString("id"));
        assertEquals("failed", body.getJsonObject("params").getString("status"));
        assertEquals("GROUP_NOT_FOUND", body.getJsonObject("params").getString("err"));
        assertEquals("RESOURCE_NOT_FOUND", body.getString("responseCode"));
    }

    @Test
    void aSunbirdOperationIdComesFromItsRouteWithoutVersionDataPrefixOrParameters() {
        assertEquals("api.group.create", ApiFamily.SunbirdEnvelope.operationId("/api/group/v1/create"));
        assertEquals("api.group.read", ApiFamily.SunbirdEnvelope.operationId("/api/group/v1/read/{groupId}"));
        assertEquals("api.group.membership.update", ApiFamily.SunbirdEnvelope.operationId("/api/group/v1/membership/update"));
        assertEquals("api.group.activity.agg", ApiFamily.SunbirdEnvelope.operationId("/api/data/v1/group/activity/agg"));
        assertEquals("api.group.list", ApiFamily.SunbirdEnvelope.operationId("api/group/v1//list"));
    }

    @Test
    void aSunbirdSuccessSaysSuccessAndOk() {
        JsonObject body = ApiFamily.SunbirdEnvelope.ok("api.group.list", "m-1", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals("success", body.getJsonObject("params").getString("status"));
        assertEquals("m-1", body.getJsonObject("params").getString("msgid"));
        assertFalse(body.getJsonObject("params").getString("resmsgid").isBlank());
        assertEquals("OK", body.getString("responseCode"));
    }

    @Test
    void liveErrorsCarryMessageAndTitle() {
        JsonObject body = ApiFamily.LIVE.error(ApiError.unauthorized("bad token"));
        assertFalse(body.getBoolean("success"));
        assertEquals("Unauthorized", body.getJsonObject("error").getString("title"));
    }
}
