package dev.pulse.platform;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoints added to the real WAR of the integration tests (by {@link dev.pulse.platform.testing.PulseServer})
 * for {@link PlatformIT}: one JSON endpoint in each API family's path space, one whose declared family
 * is not its path's, and one that fails unexpectedly, to prove the shared error handling.
 */
public final class ProbeResources {

    private ProbeResources() {
    }

    public record Echo(@NotBlank String name, Integer count) {
    }

    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public abstract static class EchoBase {
        @POST
        public Echo echo(@Valid @NotNull Echo body) {
            return body;
        }
    }

    @Path("/v1/probe/echo")
    @Family(ApiFamily.BREATHECODE)
    public static class BreatheCodeEcho extends EchoBase {
    }

    @Path("/analytics/probe/echo")
    @Family(ApiFamily.CALIPER)
    public static class CaliperEcho extends EchoBase {
    }

    @Path("/api/probe/v1/echo")
    @Family(ApiFamily.SUNBIRD)
    public static class SunbirdEcho extends EchoBase {
    }

    @Path("/live/probe/echo")
    @Family(ApiFamily.LIVE)
    public static class LiveEcho extends EchoBase {
    }

    /** Declares a family its path does not have, to show that a matched resource's declaration wins. */
    @Path("/v1/probe/declared-live")
    @Family(ApiFamily.LIVE)
    public static class DeclaredLive {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String refuse() {
            throw ApiError.forbidden("probe-refused", "Refused by its declared family");
        }
    }

    @Path("/v1/probe/boom")
    @Family(ApiFamily.BREATHECODE)
    public static class Boom {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String boom() {
            throw new IllegalStateException("secret internal detail at line 42");
        }
    }
}
