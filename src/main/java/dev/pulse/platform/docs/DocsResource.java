package dev.pulse.platform.docs;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Swagger UI at /docs on the served /openapi document. The assets come from the {@code org.webjars:swagger-ui}
 * jar in the WAR, served here rather than by the servlet container's {@code META-INF/resources} support:
 * the JAX-RS application owns {@code /*}, so this works the same on every server and nothing is fetched
 * from a CDN. Paths outside the four families answer errors in BreatheCode's shape, as any other such path.
 */
@Path("/docs")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
public class DocsResource {

    /** The files the page loads, and their types; nothing else of the webjar is served. */
    private static final Map<String, String> WEBJAR_ASSETS = Map.of(
            "swagger-ui.css", "text/css;charset=UTF-8",
            "index.css", "text/css;charset=UTF-8",
            "swagger-ui-bundle.js", "text/javascript;charset=UTF-8",
            "swagger-ui-standalone-preset.js", "text/javascript;charset=UTF-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private static final String INITIALIZER = "pulse-initializer.js";

    /**
     * Scripts and styles from this server only; the page fetches /openapi and, on "Try it out", the API
     * itself. Swagger UI sets inline styles and shows its logo as an inline SVG data URL.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final String webjarRoot = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public Response page() {
        String docs = uri.getBaseUri().getPath().replaceAll("/$", "") + "/docs";
        String html = text(ownResource("docs.html")).replace("{{docs}}", docs);
        return withHeaders(Response.ok(html, MediaType.TEXT_HTML + ";charset=UTF-8"), "no-cache");
    }

    @GET
    @Path("{asset}")
    @Operation(hidden = true)
    public Response asset(@PathParam("asset") String asset) {
        if (INITIALIZER.equals(asset)) {
            return withHeaders(Response.ok(text(ownResource(INITIALIZER)), "text/javascript;charset=UTF-8"), "no-cache");
        }
        String type = WEBJAR_ASSETS.get(asset);
        if (type == null) {
            throw ApiError.notFound("not-found", "No such file on the API page: " + asset);
        }
        // a new Swagger UI comes only with a new WAR; browsers see it within the hour
        return withHeaders(Response.ok(resource(webjarRoot + asset), type), "public, max-age=3600");
    }

    private static Response withHeaders(Response.ResponseBuilder response, String cacheControl) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", cacheControl)
                .build();
    }

    private static InputStream ownResource(String name) {
        return resource("dev/pulse/platform/docs/" + name);
    }

    private static InputStream resource(String name) {
        InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the WAR");
        }
        return in;
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, from its Maven metadata, so that upgrading it is a change to the POM only. */
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
