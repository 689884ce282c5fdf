package dev.pulse.platform.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The last touches Payara's annotation reading cannot give the served document (registered as
 * {@code mp.openapi.filter}): each family's error body ({@link FamilyErrorSchemas}); a security requirement
 * of nothing ({@code security: [{}]}) on the operations that need no token, which say so with {@code @Extension(name = OpenApiContract.NO_TOKEN,
 * value = "true")} (Payara adds a class's security requirement to every method and cannot take it away);
 * each tag declared once (Payara repeats a class's {@code @Tag} per operation); and no annotation defaults
 * in schemas ({@link #filterSchema}) or beside a parameter's reference ({@link #filterParameter}).
 */
public class OpenApiContract implements OASFilter {

    /** The extension that marks an operation anyone may call; it is not left in the document. */
    public static final String NO_TOKEN = "x-pulse-no-token";

    private final FamilyErrorSchemas errorSchemas = new FamilyErrorSchemas();

    @Override
    public Operation filterOperation(Operation operation) {
        Map<String, Object> extensions = operation.getExtensions();
        if (extensions != null && extensions.containsKey(NO_TOKEN)) {
            operation.removeExtension(NO_TOKEN);
            // Payara writes no empty list, so not "security: []"; one empty requirement says the same: none needed
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        }
        return operation;
    }

    /** Payara sometimes hangs a method's extensions on its answers as well. */
    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        if (response.getExtensions() != null && response.getExtensions().containsKey(NO_TOKEN)) {
            response.removeExtension(NO_TOKEN);
        }
        return response;
    }

    /**
     * A {@code @Parameter(ref = …)} comes with the annotation's default flags beside the reference, where
     * OpenAPI 3.0 ignores them and a generator warns; the referenced parameter says it all.
     */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getRef() != null) {
            parameter.setRequired(null);
            parameter.setDeprecated(null);
            parameter.setAllowEmptyValue(null);
            parameter.setAllowReserved(null);
        }
        return parameter;
    }

    /**
     * Payara copies every attribute of an {@code @Schema} annotation, defaults included, into inline schemas:
     * {@code maxProperties: 0} would allow no property at all, {@code multipleOf: 0} is invalid. A default value
     * says nothing, so it goes. Servers on MicroProfile OpenAPI 4 (WildFly) copy no defaults, and their
     * schemas may be plain {@code true}/{@code false}, which take no attribute: they are left as they are.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (!OPENAPI_3_0_MODEL) {
            return schema;
        }
        schema.setMaxProperties(unlessDefault(schema.getMaxProperties(), 0));
        schema.setMinProperties(unlessDefault(schema.getMinProperties(), 0));
        schema.setMinLength(unlessDefault(schema.getMinLength(), 0));
        schema.setExclusiveMaximum(unlessDefault(schema.getExclusiveMaximum(), false));
        schema.setExclusiveMinimum(unlessDefault(schema.getExclusiveMinimum(), false));
        schema.setNullable(unlessDefault(schema.getNullable(), false));
        schema.setUniqueItems(unlessDefault(schema.getUniqueItems(), false));
        schema.setReadOnly(unlessDefault(schema.getReadOnly(), false));
        schema.setWriteOnly(unlessDefault(schema.getWriteOnly(), false));
        schema.setDeprecated(unlessDefault(schema.getDeprecated(), false));
        if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() == 0) {
            schema.setMultipleOf(null);
        }
        return schema;
    }

    /**
     * Whether the server's MicroProfile OpenAPI models OpenAPI 3.0 (3.x on Payara), whose exclusive bounds
     * are flags and which has {@code nullable}. Version 4 (WildFly) models OpenAPI 3.1, where the bounds are
     * numbers; the JVM links a method only when it first runs, so the 3.0-only calls above stay unlinked there.
     */
    static final boolean OPENAPI_3_0_MODEL = flagBounds();

    private static boolean flagBounds() {
        try {
            return Schema.class.getMethod("getExclusiveMaximum").getReturnType() == Boolean.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static <T> T unlessDefault(T value, T annotationDefault) {
        return annotationDefault.equals(value) ? null : value;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        errorSchemas.filterOpenAPI(openAPI);
        if (openAPI.getTags() != null) {
            // the first declaration of a name is kept, and the one with a description wins over a bare one
            Map<String, Tag> byName = new LinkedHashMap<>();
            for (Tag tag : openAPI.getTags()) {
                Tag kept = byName.get(tag.getName());
                if (kept == null || (kept.getDescription() == null && tag.getDescription() != null)) {
                    byName.put(tag.getName(), tag);
                }
            }
            openAPI.setTags(new ArrayList<>(byName.values()));
        }
    }
}
