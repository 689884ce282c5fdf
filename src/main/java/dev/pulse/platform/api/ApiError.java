package dev.pulse.platform.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failure the client caused or must know about, thrown by services and rendered by
 * {@link ErrorResponses} in the envelope of the request's API family. Never carries a stack trace out.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, List<String>> fieldErrors;
    private final String apiId;
    private final Long retryAfterSeconds;
    private final String oauthError;

    public ApiError(int status, String slug, String message) {
        this(status, slug, message, Map.of(), null, null, null);
    }

    private ApiError(int status, String slug, String message, Map<String, List<String>> fieldErrors, String apiId,
            Long retryAfterSeconds, String oauthError) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.slug = slug;
        this.title = titleFor(status);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.apiId = apiId;
        this.retryAfterSeconds = retryAfterSeconds;
        this.oauthError = oauthError;
    }

    public static ApiError badRequest(String slug, String message) {
        return new ApiError(400, slug, message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", message);
    }

    public static ApiError forbidden(String slug, String message) {
        return new ApiError(403, slug, message);
    }

    public static ApiError notFound(String slug, String message) {
        return new ApiError(404, slug, message);
    }

    public static ApiError conflict(String slug, String message) {
        return new ApiError(409, slug, message);
    }

    /** A 429 whose answer carries {@code Retry-After}: at least one second, so a client never retries at once. */
    public static ApiError tooManyRequests(String slug, String message, long retryAfterSeconds) {
        return new ApiError(429, slug, message, Map.of(), null, Math.max(1, retryAfterSeconds), null);
    }

    /** Validation failures, field by field; every field's messages at once. */
    public static ApiError invalid(Map<String, List<String>> fieldErrors) {
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one field");
        }
        String summary = fieldErrors.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(" ", e.getValue()))
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return new ApiError(400, "invalid-input", summary, fieldErrors, null, null, null);
    }

    /** The same error, labelled with the Sunbird API id of the operation that failed. */
    public ApiError forApi(String id) {
        return new ApiError(status, slug, getMessage(), fieldErrors, id, retryAfterSeconds, oauthError);
    }

    /**
     * The same error, also named by an OAuth 2 error code (RFC 6749 section 5.2: {@code invalid_client},
     * {@code invalid_request}, {@code unsupported_grant_type}) for a token endpoint's clients.
     */
    public ApiError withOAuthError(String code) {
        return new ApiError(status, slug, getMessage(), fieldErrors, apiId, retryAfterSeconds, code);
    }

    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String apiId() {
        return apiId;
    }

    /** Seconds after which a retry may succeed, for the Retry-After header; null when not said. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /** Plain messages: the field messages when there are any, else the one message. */
    public List<String> messages() {
        if (fieldErrors.isEmpty()) {
            return List.of(getMessage());
        }
        List<String> all = new ArrayList<>();
        fieldErrors.values().forEach(all::addAll);
        return all;
    }

    /** The messages, each a field error's prefixed by its field: for shapes that carry one text, not a map. */
    public List<String> namedMessages() {
        if (fieldErrors.isEmpty()) {
            return List.of(getMessage());
        }
        List<String> all = new ArrayList<>();
        fieldErrors.forEach((field, messages) -> messages.forEach(message -> all.add(field + ": " + message)));
        return all;
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
