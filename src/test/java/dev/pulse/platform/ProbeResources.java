package dev.pulse.platform;

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
 * Test-only endpoints added to the real WAR of the integration tests (by {@link dev.pulse.platform.testing.PulseServer}) for {@link PlatformIT}: one JSON endpoint in each API
 * family's path space, and one that fails unexpectedly, to prove the shared error handling.
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
    public static class BreatheCodeEcho extends EchoBase {
    }

    @Path("/analytics/probe/echo")
    public static class CaliperEcho extends EchoBase {
    }

    @Path("/api/probe/v1/echo")
    public static class SunbirdEcho extends EchoBase {
    }

    @Path("/live/probe/echo")
    public static class LiveEcho extends EchoBase {
    }

    @Path("/v1/probe/boom")
    public static class Boom {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String boom() {
            throw new IllegalStateException("secret internal detail at line 42");
        }
    }
}
