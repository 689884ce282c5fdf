package dev.pulse.platform.docs;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.web.WebPage;
import dev.pulse.platform.web.WebPage.Library;
import dev.pulse.platform.web.WebPageResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Swagger UI at /docs on the served /openapi document: the page and our initializer from
 * {@code src/main/webapp/docs}, Swagger UI's files from the {@code org.webjars:swagger-ui} jar in the WAR,
 * nothing from a CDN (docs/decisions/0021). Paths outside the four families answer errors in BreatheCode's
 * shape, as any other such path.
 */
@Path("/docs")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
public class DocsResource extends WebPageResource {

    /** The webjar files the page loads; the webjar's own index.html and petstore initializer are not among them. */
    private static final WebPage PAGE = new WebPage("docs", "the API page",
            swaggerUi("swagger-ui.css"), swaggerUi("index.css"), swaggerUi("swagger-ui-bundle.js"),
            swaggerUi("swagger-ui-standalone-preset.js"), swaggerUi("favicon-32x32.png"), swaggerUi("favicon-16x16.png"));

    @Override
    protected WebPage webPage() {
        return PAGE;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public Response page() {
        return index();
    }

    @GET
    @Path("{file: " + FILE_PATTERN + "}")
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        return file(file);
    }

    private static Library swaggerUi(String file) {
        return Library.of(file, "org.webjars", "swagger-ui", file);
    }
}
