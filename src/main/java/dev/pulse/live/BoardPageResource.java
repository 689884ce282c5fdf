package dev.pulse.live;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.web.WebPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The live board at /live/ (and /live): schedule, announcements, maps and the mentorship queue for the
 * hall's screens, kept current through /live/stream, with sign-in for hackers, mentors and organisers.
 * Its files are /live/{name}.js|css|png|svg: every Live API path is a literal word without a dot, so a
 * file name never shadows one (docs/decisions/0025).
 */
@Path("/live")
@Family(ApiFamily.LIVE)
@ApplicationScoped
public class BoardPageResource {

    private static final WebPage PAGE = new WebPage("live", "the live board");

    @Context
    UriInfo uri;

    @Context
    ServletContext context;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public Response page() {
        return PAGE.index(context, uri);
    }

    @GET
    @Path("{file: [A-Za-z0-9][A-Za-z0-9._-]*\\.(js|css|png|svg)}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String file) {
        return PAGE.file(context, file);
    }
}
