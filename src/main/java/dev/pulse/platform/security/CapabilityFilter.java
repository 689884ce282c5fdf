package dev.pulse.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@link Capable}: finds the academy the request names and lets {@link Capabilities} decide,
 * then records the academy on the {@link Caller}.
 */
@Provider
@Capable("")
@Priority(Priorities.AUTHORIZATION)
public class CapabilityFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    Capabilities capabilities;

    @Override
    public void filter(ContainerRequestContext request) {
        Capable capable = resource.getResourceMethod().getAnnotation(Capable.class);
        if (capable == null) {
            capable = resource.getResourceClass().getAnnotation(Capable.class);
        }
        caller.requireUser();

        String academy = request.getUriInfo().getPathParameters().getFirst("academy_id");
        if (academy == null) {
            academy = request.getHeaderString("Academy");
        }
        if (academy == null) {
            academy = request.getUriInfo().getQueryParameters().getFirst("academy");
        }
        long academyId = capabilities.academy(academy);
        capabilities.require(academyId, capable.value());
        caller.actInAcademy(academyId);
    }
}
