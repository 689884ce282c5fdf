package dev.pulse.activity;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What a request says about where it comes from: the academy it acts in (the {@code Academy} header,
 * else {@code ?academy=}) and its User-Agent. A parameter of each method rather than fields of the
 * resource, which is one instance for all requests.
 */
public class RequestOrigin {

    @HeaderParam("Academy")
    String academyHeader;

    @QueryParam("academy")
    String academyQuery;

    @HeaderParam(HttpHeaders.USER_AGENT)
    String userAgent;

    String academy() {
        return academyHeader != null && !academyHeader.isBlank() ? academyHeader : academyQuery;
    }

    String userAgent() {
        return userAgent;
    }
}
