package dev.pulse.platform.api;

import dev.pulse.platform.metrics.Meter;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every answered request by family and status class ({@code pulse_requests_total{family="caliper",status="2xx"}}),
 * and those that failed (4xx and 5xx) once more as {@code pulse_errors_total}, so that an error rate per
 * family is one division. The family is the one whose envelope the answer used ({@link ApiFamily#of}).
 */
@Provider
public class RequestMetrics implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Meter meter;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String family = ApiFamily.of(resource.getResourceClass(), request.getUriInfo().getPath()).name().toLowerCase();
        String status = statusClass(response.getStatus());
        meter.count("pulse_requests", "family", family, "status", status);
        if (response.getStatus() >= 400) {
            meter.count("pulse_errors", "family", family, "status", status);
        }
    }

    static String statusClass(int status) {
        return (status / 100) + "xx";
    }
}
