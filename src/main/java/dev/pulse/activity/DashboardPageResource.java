package dev.pulse.activity;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.web.WebPage;
import dev.pulse.platform.web.WebPage.Library;
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
 * The academy dashboard at /academy/ (and /academy): per cohort, activities per day by slug (uPlot, from
 * its webjar), the students with their last activity and latest telemetry completion, and a student's
 * timeline, for staff with read_activity. The page reads only the public BreatheCode API; errors under
 * /academy are in BreatheCode's shape, as for every path outside the four families.
 */
@Path("/academy")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
public class DashboardPageResource {

    private static final WebPage PAGE = new WebPage("academy", "the academy dashboard",
            Library.of("uPlot.esm.js", "org.webjars.npm", "uplot", "dist/uPlot.esm.js"),
            Library.of("uPlot.min.css", "org.webjars.npm", "uplot", "dist/uPlot.min.css"));

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
    @Path("{file}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String file) {
        return PAGE.file(context, file);
    }
}
