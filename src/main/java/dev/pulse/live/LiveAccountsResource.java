package dev.pulse.live;

import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.api.OpenApiContract;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.security.TokenAudience;
import dev.pulse.platform.security.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vivere's user/create and user/login: Live accounts on Pulse's identity, tokens are Pulse JWTs. */
@Path("/live/user")
@Family(ApiFamily.LIVE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Live")
@SecurityRequirement(name = "LiveToken")
public class LiveAccountsResource {

    private static final JsonProvider JSON = JsonBodies.provider();

    static final int MAX_NAME = 150;
    static final int MAX_PASSWORD = 200;

    @Inject
    Accounts accounts;

    @Inject
    TokenIssuer tokens;

    @POST
    @Path("create")
    @Operation(operationId = "live_user_create", summary = "Create a Live account from name, username and password; answers a token")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveNewAccount")))
    @APIResponse(responseCode = "201", description = "{data:{token}, success:true}",
            content = @Content(schema = @Schema(ref = "LiveAccountCreated")))
    @APIResponse(responseCode = "400", description = "Missing or blank parameters, or the username is taken")
    @APIResponse(responseCode = "429", description = "Too many password checks from this address (Retry-After)")
    public Response create(String body) {
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        String name = fields.text("name", MAX_NAME);
        String username = fields.text("username", MAX_NAME);
        String password = fields.secret("password", MAX_PASSWORD);
        fields.check();
        Account account = accounts.createNamed(name, username, password);
        return Envelope.created(JSON.createObjectBuilder().add("token", tokenFor(account)).build());
    }

    @POST
    @Path("login")
    @Operation(operationId = "live_user_login", summary = "Sign in with username and password; answers name, token and username")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveSignIn")))
    @APIResponse(responseCode = "200", description = "{data:{name, token, username}, success:true}",
            content = @Content(schema = @Schema(ref = "LiveSignedIn")))
    @APIResponse(responseCode = "400", description = "Missing parameters")
    @APIResponse(responseCode = "401", description = "Unknown username or wrong password (one message for both)")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this account from this address, "
            + "sign-in to it paced, or too many password checks from this address (Retry-After)")
    public Response login(String body) {
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        String username = fields.text("username", MAX_NAME);
        String password = fields.secret("password", MAX_PASSWORD);
        fields.check();
        Account account = accounts.signInByUsername(username, password,
                () -> ApiError.unauthorized("Invalid username or password."));
        return Envelope.ok(JSON.createObjectBuilder()
                .add("name", account.displayName())
                .add("token", tokenFor(account))
                .add("username", account.username())
                .build());
    }

    /** An account made here (a username, no email) gets a token for Live only; one made by an administrator, for every family. */
    private String tokenFor(Account account) {
        if (account.email() == null) {
            return tokens.forAccount(account.id(), account.uuid(), account.username(), account.isPlatformAdmin(),
                    account.tokenVersion(), TokenAudience.LIVE_ONLY).token();
        }
        return tokens.forAccount(account.id(), account.uuid(), account.email(), account.isPlatformAdmin(),
                account.tokenVersion()).token();
    }
}
