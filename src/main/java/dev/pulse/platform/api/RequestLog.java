package dev.pulse.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** One INFO line per request: method, path, status, duration in ms. Also opens the request id. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("dev.pulse.requests");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        RequestIds.begin(request.getHeaderString("X-Request-ID"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long ms = started == null ? 0 : (System.nanoTime() - (Long) started) / 1_000_000;
        LOG.info(() -> request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/", "")
                + " " + response.getStatus() + " " + ms + "ms");
        RequestIds.end();
    }
}
