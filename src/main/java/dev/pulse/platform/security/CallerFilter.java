package dev.pulse.platform.security;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place where each API family's header form becomes a {@link Caller}:
 * <ul>
 * <li>{@code X-MenloHacks-Authorization: X} (Live);</li>
 * <li>{@code Authorization: Bearer C} + {@code x-authenticated-user-token: U} (Sunbird): the caller is
 * user U, and C must be a valid API client token;</li>
 * <li>{@code Authorization: Bearer X}, {@code Authorization: Token X} (BreatheCode), or a bare
 * {@code Authorization: X} (Caliper integrators);</li>
 * <li>{@code ?access_token=X} on a GET of BreatheCode's Activity API without an Authorization header,
 * as its legacy consumers send it; only there, since a URL is kept by proxies and browser histories
 * (the request log writes paths without their query).</li>
 * </ul>
 * Wherever a client token goes, a client's API key ({@link ApiKeys}) may go instead.
 * A token that is present but invalid is a 401, and so is a valid token whose {@code aud} does not
 * name the request's API family ({@link TokenAudience}) or whose holder revoked it ({@link TokenVersions});
 * no token leaves the caller anonymous and lets each operation decide. The Live header on a Live path is
 * the exception: a token there that does not hold leaves the caller anonymous (public Live operations answer as to
 * anyone), and an operation that needs a user answers 401 for it. {@code Authorization: Basic} is left
 * to the client-credentials endpoint.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {

    static final String MENLOHACKS = "X-MenloHacks-Authorization";
    static final String SUNBIRD_USER = "x-authenticated-user-token";
    static final String INVALID_TOKEN = "Invalid or expired token.";
    /** The query parameter a token may come in ({@link #acceptsQueryToken}). */
    public static final String ACCESS_TOKEN = "access_token";
    private static final String QUERY_TOKEN_PATHS = "/v1/activity/";

    @Inject
    TokenValidation tokens;

    @Inject
    Caller caller;

    @Inject
    TokenVersions versions;

    @Inject
    ApiKeys keys;

    @Override
    public void filter(ContainerRequestContext request) {
        String live = request.getHeaderString(MENLOHACKS);
        String sunbirdUser = request.getHeaderString(SUNBIRD_USER);
        String authorization = request.getHeaderString("Authorization");
        ApiFamily family = ApiFamily.forPath(request.getUriInfo().getPath());

        if (present(live) && family == ApiFamily.LIVE) {
            // the MenloHacks app sends its saved token on every request, also to the public ones, and
            // Vivere ignores one that no longer holds there; operations that need a user then say so
            current(live).filter(token -> TokenAudience.accepts(token, family))
                    .ifPresentOrElse(caller::signIn, caller::refuseToken);
        } else if (present(live)) {
            caller.signIn(verified(live, family));
        } else if (present(sunbirdUser)) {
            JsonWebToken client = verified(tokenIn(authorization), family);
            if (!Caller.KIND_CLIENT.equals(client.getClaim(Caller.KIND))) {
                throw ApiError.unauthorized("The Authorization header must carry an API client token");
            }
            caller.signInThroughClient(client, verified(sunbirdUser, family));
        } else if (present(authorization) && !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller.signIn(verified(tokenIn(authorization), family));
        } else if (!present(authorization) && acceptsQueryToken(request.getMethod(), request.getUriInfo().getPath())) {
            String query = request.getUriInfo().getQueryParameters().getFirst(ACCESS_TOKEN);
            if (present(query)) {
                caller.signIn(verified(query.trim(), family));
            }
        }
    }

    /** Whether a request may carry its token as {@code ?access_token=}: GETs of the Activity API. */
    static boolean acceptsQueryToken(String method, String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return "GET".equalsIgnoreCase(method) && p.startsWith(QUERY_TOKEN_PATHS);
    }

    /** The token of any Authorization form Pulse accepts: "Bearer X", "Token X" or a bare "X". */
    static String tokenIn(String authorization) {
        if (!present(authorization)) {
            throw ApiError.unauthorized("Authentication credentials were not provided.");
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space > 0) {
            String scheme = value.substring(0, space);
            if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("Token")) {
                return value.substring(space + 1).trim();
            }
        }
        return value;
    }

    /** A token with a valid signature, for this family, whose account or client still holds its version. */
    private JsonWebToken verified(String token, ApiFamily family) {
        JsonWebToken verified = current(token).orElseThrow(() -> ApiError.unauthorized(INVALID_TOKEN));
        if (!TokenAudience.accepts(verified, family)) {
            throw ApiError.unauthorized("This token is not accepted by this API.");
        }
        return verified;
    }

    /**
     * A token with a valid signature, or an API key's client, whose account or client still holds its
     * version: a key is taken wherever a client token is.
     */
    private Optional<JsonWebToken> current(String token) {
        Optional<JsonWebToken> presented = ApiKeys.isApiKey(token)
                ? keys.holderOf(token).map(ApiKeyToken::new)
                : tokens.validate(token);
        return presented.filter(versions::isCurrent);
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank();
    }
}
