package dev.pulse.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The one JAX-RS application. Tokens are checked by {@link dev.pulse.platform.security.CallerFilter}
 * for every API family, so no container login mechanism is configured (docs/decisions/0022).
 */
@ApplicationPath("/")
@ApplicationScoped
@OpenAPIDefinition(info = @Info(
        title = "Pulse",
        version = "1.0.0",
        description = "One Jakarta EE backend for five public APIs on one identity: BreatheCode activities and "
                + "assignment telemetry (/v1), Caliper ingestion (/analytics), Sunbird groups (/api), and "
                + "MenloHacks Vivere hackathon day-of operations (/live)."),
        tags = {
            @Tag(name = "BreatheCode", description = "Sign-in, administration, activities and assignment telemetry (/v1)"),
            @Tag(name = "Caliper", description = "Client tokens and Caliper event ingestion for edtech integrators (/analytics)"),
            @Tag(name = "Sunbird", description = "Sunbird study groups and their activity (/api)"),
            @Tag(name = "Live", description = "MenloHacks Vivere hackathon day-of operations (/live)")},
        components = @Components(
            securitySchemes = {
                @SecurityScheme(securitySchemeName = "BreatheCodeToken", type = SecuritySchemeType.APIKEY,
                        in = SecuritySchemeIn.HEADER, apiKeyName = "Authorization",
                        description = "\"Token <token>\" (\"Bearer <token>\" and a bare token are accepted too), "
                                + "from POST /v1/auth/login or an API key"),
                @SecurityScheme(securitySchemeName = "CaliperBearer", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT",
                        description = "A client token from POST /analytics/token"),
                @SecurityScheme(securitySchemeName = "SunbirdClient", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT",
                        description = "The integrating client's token; sent together with SunbirdUser"),
                @SecurityScheme(securitySchemeName = "SunbirdUser", type = SecuritySchemeType.APIKEY,
                        in = SecuritySchemeIn.HEADER, apiKeyName = "x-authenticated-user-token",
                        description = "The signed-in user's token; sent together with SunbirdClient"),
                @SecurityScheme(securitySchemeName = "LiveToken", type = SecuritySchemeType.APIKEY,
                        in = SecuritySchemeIn.HEADER, apiKeyName = "X-MenloHacks-Authorization",
                        description = "The token from POST /live/user/login")}))
public class PulseApplication extends Application {
}
