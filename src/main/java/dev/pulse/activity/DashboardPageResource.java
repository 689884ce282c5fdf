package dev.pulse.activity;

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
 * The academy dashboard at /academy/ (and /academy): per cohort, activities per day by slug (uPlot, from
 * its webjar), the students with their last activity and latest telemetry completion, and a student's
 * timeline, for staff with read_activity. The page reads only the public BreatheCode API; errors under
 * /academy are in BreatheCode's shape, as for every path outside the four families.
 */
@Path("/academy")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
public class DashboardPageResource extends WebPageResource {

    private static final WebPage PAGE = new WebPage("academy", "the academy dashboard",
            Library.of("uPlot.esm.js", "org.webjars.npm", "uplot", "dist/uPlot.esm.js"),
            Library.of("uPlot.min.css", "org.webjars.npm", "uplot", "dist/uPlot.min.css"));

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
}
