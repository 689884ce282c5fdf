package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.api.OpenApiContract;
import dev.pulse.platform.security.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Caliper hub's "Request Token endpoint": OAuth 2 client credentials, form-encoded or JSON,
 * with the credentials in the body or in HTTP Basic.
 */
@Path("/analytics/token")
@Family(ApiFamily.CALIPER)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caliper")
public class ClientTokenResource {

    @Inject
    ApiClients clients;

    @Inject
    TokenIssuer tokens;

    public record AccessToken(@JsonbProperty("access_token") @Schema(name = "access_token") String accessToken,
            @JsonbProperty("token_type") @Schema(name = "token_type") String tokenType,
            @JsonbProperty("expires_in") @Schema(name = "expires_in") long expiresIn) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "identity_client_token_issue",
            summary = "Client credentials grant, form-encoded or JSON (client id and secret in the body or as HTTP Basic)")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @RequestBody(content = {
        @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "ClientCredentialsGrant")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientCredentialsGrant"))})
    @APIResponse(responseCode = "200", description = "A bearer token for the Caliper endpoints",
            content = @Content(schema = @Schema(ref = "AccessToken")))
    @APIResponse(responseCode = "400", description = "grant_type is not client_credentials")
    @APIResponse(responseCode = "401", description = "Unknown or disabled client, or wrong secret")
    @APIResponse(responseCode = "429", description = "Too many secret checks from this address (Retry-After)")
    public AccessToken form(MultivaluedMap<String, String> form, @Parameter(hidden = true) @HeaderParam("Authorization") String authorization) {
        return grant(form.getFirst("grant_type"), form.getFirst("client_id"), form.getFirst("client_secret"),
                authorization);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    // The same operation as its twin above, word for word: Payara keeps whichever twin it reads last.
    @Operation(operationId = "identity_client_token_issue",
            summary = "Client credentials grant, form-encoded or JSON (client id and secret in the body or as HTTP Basic)")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @RequestBody(content = {
        @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "ClientCredentialsGrant")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientCredentialsGrant"))})
    @APIResponse(responseCode = "200", description = "A bearer token for the Caliper endpoints",
            content = @Content(schema = @Schema(ref = "AccessToken")))
    @APIResponse(responseCode = "400", description = "grant_type is not client_credentials")
    @APIResponse(responseCode = "401", description = "Unknown or disabled client, or wrong secret")
    @APIResponse(responseCode = "429", description = "Too many secret checks from this address (Retry-After)")
    public AccessToken json(JsonObject body, @Parameter(hidden = true) @HeaderParam("Authorization") String authorization) {
        JsonObject b = body == null ? JsonObject.EMPTY_JSON_OBJECT : body;
        return grant(text(b, "grant_type"), text(b, "client_id"), text(b, "client_secret"), authorization);
    }

    /** Every refusal also carries its OAuth 2 error code: invalid_client, or what the request got wrong. */
    private AccessToken grant(String grantType, String clientId, String clientSecret, String authorization) {
        try {
            return granted(grantType, clientId, clientSecret, authorization);
        } catch (ApiError refused) {
            throw switch (refused.status()) {
                case 401 -> refused.withOAuthError("invalid_client");
                case 400 -> refused.withOAuthError("unsupported_grant_type".equals(refused.slug())
                        ? "unsupported_grant_type" : "invalid_request");
                default -> refused;
            };
        }
    }

    private AccessToken granted(String grantType, String clientId, String clientSecret, String authorization) {
        if (grantType != null && !"client_credentials".equals(grantType)) {
            throw ApiError.badRequest("unsupported_grant_type", "grant_type must be client_credentials");
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair = decodeBasic(authorization.substring(6).trim());
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw ApiError.unauthorized("Invalid client credentials");
            }
            clientId = pair.substring(0, colon);
            clientSecret = pair.substring(colon + 1);
        }
        if (clientId == null || clientSecret == null) {
            throw ApiError.unauthorized("Invalid client credentials");
        }
        ApiClient client = clients.authenticate(clientId, clientSecret);
        TokenIssuer.IssuedToken token = tokens.forClient(client.clientId(), client.tokenVersion());
        return new AccessToken(token.token(), "Bearer", token.expiresInSeconds());
    }

    private static String decodeBasic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.unauthorized("Invalid client credentials");
        }
    }

    private static String text(JsonObject body, String key) {
        return body.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
