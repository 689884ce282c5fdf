package dev.pulse.platform.api;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Gives every documented 4xx and 5xx answer its family's error body (see {@link ApiFamily#error}), named
 * in {@code META-INF/openapi.yaml}, so that no resource method repeats it. Registered as
 * {@code mp.openapi.filter}.
 */
public class FamilyErrorSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String schema = schemaOf(ApiFamily.forPath(path));
            item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    return;
                }
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    // Payara gives an answer declared without content an empty content, not none
                    if ((code.startsWith("4") || code.startsWith("5")) && (response.getContent() == null
                            || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                        response.setContent(OASFactory.createContent().addMediaType(MediaType.APPLICATION_JSON,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema))));
                    }
                });
            });
        });
    }

    private static String schemaOf(ApiFamily family) {
        return switch (family) {
            case BREATHECODE -> "BreatheCodeError";
            case CALIPER -> "CaliperError";
            case SUNBIRD -> "SunbirdResponse";
            case LIVE -> "LiveError";
        };
    }
}
