package dev.pulse.live;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.web.WebPage;
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
 * The live board at /live/ (and /live): schedule, announcements, maps and the mentorship queue for the
 * hall's screens, kept current through /live/stream, with sign-in for hackers, mentors and organisers.
 * Its files are /live/{name}.{extension}, beside the Live API's routes (docs/decisions/0025).
 */
@Path("/live")
@Family(ApiFamily.LIVE)
@ApplicationScoped
public class BoardPageResource extends WebPageResource {

    private static final WebPage PAGE = new WebPage("live", "the live board");

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
