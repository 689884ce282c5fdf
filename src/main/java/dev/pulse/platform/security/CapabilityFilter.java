package dev.pulse.platform.security;

import dev.pulse.platform.api.ApiError;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Enforces {@link Capable}: the academy-scoped capability check of BreatheCode, messages and all. */
@Provider
@Capable("")
@Priority(Priorities.AUTHORIZATION)
public class CapabilityFilter implements ContainerRequestFilter {

    static final String MISSING_ACADEMY =
            "Missing academy_id parameter expected for the endpoint url or 'Academy' header";

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    AcademyCapabilities roster;

    @Override
    public void filter(ContainerRequestContext request) {
        Capable capable = resource.getResourceMethod().getAnnotation(Capable.class);
        if (capable == null) {
            capable = resource.getResourceClass().getAnnotation(Capable.class);
        }
        String capability = capable.value();
        caller.requireUser();

        String academy = request.getUriInfo().getPathParameters().getFirst("academy_id");
        if (academy == null) {
            academy = request.getHeaderString("Academy");
        }
        if (academy == null) {
            academy = request.getUriInfo().getQueryParameters().getFirst("academy");
        }
        if (academy == null || academy.isBlank()) {
            throw new ApiError(403, null, MISSING_ACADEMY);
        }
        long academyId;
        try {
            academyId = Long.parseLong(academy.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, null, "Academy ID needs to be an integer: " + academy);
        }
        if (!caller.isPlatformAdmin()) {
            if (roster.isInactive(academyId)) {
                throw new ApiError(403, null, "This academy is not active");
            }
            if (!roster.hasCapability(caller.accountId(), academyId, capability)) {
                throw new ApiError(403, null, "You (user: " + caller.accountId() + ") don't have this capability: "
                        + capability + " for academy " + academyId);
            }
        }
        caller.actInAcademy(academyId);
    }
}
