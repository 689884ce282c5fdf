package dev.pulse.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One INFO line per request: method, path (without its query, and with any email replaced), status,
 * duration in ms. Also opens the request id. The line
 * is written on a background thread ({@link RequestLogOutput}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    static final String LOGGER = "dev.pulse.requests";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** A path segment that holds an email (e.g. /v1/activity/user/{email_or_id}): emails stay out of logs. */
    private static final Pattern EMAIL_SEGMENT = Pattern.compile("[^/]*@[^/]*");
    private static final String STARTED = RequestLog.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        RequestIds.begin(request.getHeaderString("X-Request-ID"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (LOG.isLoggable(Level.INFO)) {
            log(request, response);
        }
        RequestIds.end();
    }

    private static void log(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long ms = started == null ? 0 : (System.nanoTime() - (Long) started) / 1_000_000;
        String path = EMAIL_SEGMENT.matcher(request.getUriInfo().getPath()).replaceAll("{email}");
        String line = request.getMethod() + " /" + (path.startsWith("/") ? path.substring(1) : path)
                + " " + response.getStatus() + " " + ms + "ms";
        // the source named here, not inferred: inference walks the stack of the thread that asks for it
        LOG.logp(Level.INFO, RequestLog.class.getName(), "filter", line);
    }
}
