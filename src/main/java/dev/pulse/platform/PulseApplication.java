package dev.pulse.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The one JAX-RS application. It must be a CDI bean for {@code @LoginConfig} to switch on
 * MicroProfile JWT (otherwise Payara fails the deployment with WELD-001408). MP-JWT's verification key
 * comes from {@link dev.pulse.platform.security.JwtKeyConfigSource}, registered in
 * {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(info = @Info(
        title = "Pulse",
        version = "1.0.0",
        description = "One Jakarta EE backend for five public APIs on one identity: BreatheCode activities and "
                + "assignment telemetry (/v1), Caliper ingestion (/analytics), Sunbird groups (/api), and "
                + "MenloHacks Vivere hackathon day-of operations (/live)."))
public class PulseApplication extends Application {
}
