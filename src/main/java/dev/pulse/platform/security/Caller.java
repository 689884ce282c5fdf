package dev.pulse.platform.security;

import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for this request: set by {@link CallerFilter} from whichever header form the
 * request used, read by resources and services. Anonymous until a valid token is seen.
 */
@RequestScoped
public class Caller {

    static final String ACCOUNT_ID = "account_id";
    static final String UUID_CLAIM = "uuid";
    static final String CLIENT_ID = "client_id";
    static final String KIND = "kind";
    static final String KIND_USER = "user";
    static final String KIND_CLIENT = "client";
    static final String PLATFORM_ADMIN = "platform_admin";

    private JsonWebToken token;
    private JsonWebToken clientToken;
    private Long academyId;
    private boolean tokenRefused;

    void signIn(JsonWebToken user) {
        this.token = user;
    }

    /** A token came and was not valid, and the request goes on anonymously (Live). */
    void refuseToken() {
        this.tokenRefused = true;
    }

    void signInThroughClient(JsonWebToken client, JsonWebToken user) {
        this.clientToken = client;
        this.token = user;
    }

    void actInAcademy(long academyId) {
        this.academyId = academyId;
    }

    public boolean isAuthenticated() {
        return token != null;
    }

    public boolean isUser() {
        return token != null && KIND_USER.equals(token.getClaim(KIND));
    }

    public boolean isClient() {
        return token != null && KIND_CLIENT.equals(token.getClaim(KIND));
    }

    public boolean isPlatformAdmin() {
        return isUser() && token.getGroups() != null && token.getGroups().contains(PLATFORM_ADMIN);
    }

    /** The calling account's id; 401 when the caller is not a signed-in user. */
    public long accountId() {
        requireUser();
        Object id = token.getClaim(ACCOUNT_ID);
        return id instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(id));
    }

    public UUID accountUuid() {
        requireUser();
        return UUID.fromString(claim(token, UUID_CLAIM));
    }

    /** The API client calling, directly or (Sunbird) on behalf of a user. */
    public Optional<String> clientId() {
        JsonWebToken client = isClient() ? token : clientToken;
        return client == null ? Optional.empty() : Optional.of(claim(client, CLIENT_ID));
    }

    /**
     * A claim as text. getClaim is generic in its return type, so a bare String.valueOf(getClaim(..))
     * would bind to valueOf(char[]) and fail on every call; the Object target makes the choice explicit.
     */
    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return String.valueOf(value);
    }

    /** The academy a capability check let this request act in. */
    public Optional<Long> academyId() {
        return Optional.ofNullable(academyId);
    }

    public Caller requireUser() {
        requireAuthenticated();
        if (!isUser()) {
            throw ApiError.forbidden("user-token-required", "This operation needs a user's token, not an API client's");
        }
        return this;
    }

    public String requireClient() {
        requireAuthenticated();
        return clientId().orElseThrow(() ->
                ApiError.forbidden("client-token-required", "This operation needs an API client's token"));
    }

    private void requireAuthenticated() {
        if (!isAuthenticated()) {
            throw ApiError.unauthorized(tokenRefused ? CallerFilter.INVALID_TOKEN
                    : "Authentication credentials were not provided.");
        }
    }

    public void requirePlatformAdmin() {
        requireUser();
        if (!isPlatformAdmin()) {
            throw ApiError.forbidden("platform-admin-required",
                    "You (user: " + accountId() + ") are not a platform administrator");
        }
    }
}
