package dev.pulse.platform.api;

import dev.pulse.platform.input.FieldMessages;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any failure into a response in the request's API family envelope. Known client errors
 * become 4xx with a message that names what was wrong; an unreachable or hung database is a 503
 * with Retry-After; anything else is a 500 whose body carries an error id and whose stack trace
 * goes only to the log.
 */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());
    private static final Pattern YASSON_PROPERTY = Pattern.compile("property '([^']+)'");

    private ErrorResponses() {
    }

    public static Response render(ApiError error, ApiFamily family) {
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(family.error(error).toString());
        if (error.status() == 503) {
            response.header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        } else if (error.retryAfterSeconds() != null) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        return response.build();
    }

    /**
     * Any throwable to a response: a client error when we can name it, else a 500 logged with its path.
     * {@code route} is the matched route's template (the path when none matched): a Sunbird failure not
     * labelled by its operation carries the route's operation id.
     */
    public static Response render(Throwable failure, ApiFamily family, String path, String route) {
        ApiError known = classify(failure);
        if (known != null) {
            return render(forRoute(known, family, route), family);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + errorId + " on /" + stripSlash(path), failure);
        return Response.fromResponse(render(forRoute(new ApiError(500, "server-error",
                        "Unexpected server error; quote error id " + errorId + " when reporting it"), family, route), family))
                .header("X-Error-Id", errorId)
                .build();
    }

    private static ApiError forRoute(ApiError error, ApiFamily family, String route) {
        return family == ApiFamily.SUNBIRD && error.apiId() == null
                ? error.forApi(ApiFamily.SunbirdEnvelope.operationId(route)) : error;
    }

    /** The client error (or database outage) a throwable stands for, looking through wrapping layers; null when it is ours. */
    static ApiError classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiError api) {
                return api;
            }
            if (DatabaseUnavailable.is(t)) {
                return DatabaseUnavailable.error();
            }
            if (t instanceof BodyLimits.TooLarge large) {
                return new ApiError(413, "payload-too-large", large.getMessage());
            }
            if (t instanceof ConstraintViolationException cve) {
                return fromViolations(cve);
            }
            if (t instanceof JsonbException || t instanceof JsonException) {
                return malformedJson(t);
            }
            if (t instanceof WebApplicationException wae) {
                ApiError mapped = fromWebApplication(wae, failure);
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        return null;
    }

    private static ApiError fromWebApplication(WebApplicationException wae, Throwable outer) {
        int status = wae.getResponse().getStatus();
        if (wae instanceof NotFoundException) {
            return ApiError.notFound("not-found", "Not found");
        }
        if (wae instanceof NotAllowedException) {
            return new ApiError(405, "method-not-allowed", "Method not allowed; allowed: " + wae.getResponse().getAllowedMethods());
        }
        if (wae instanceof NotSupportedException) {
            return new ApiError(415, "unsupported-media-type",
                    "Unsupported media type; send the body as application/json");
        }
        if (wae instanceof NotAcceptableException) {
            return new ApiError(406, "not-acceptable", "Not acceptable; this endpoint answers application/json");
        }
        if (wae.getCause() != null && classify(wae.getCause()) != null) {
            return null; // let the loop reach the real cause (malformed JSON, body too large)
        }
        if (status >= 400 && status < 500) {
            String reason = wae.getResponse().getStatusInfo().getReasonPhrase();
            return new ApiError(status, reason.toLowerCase().replace(' ', '-'), reason);
        }
        return null;
    }

    private static ApiError malformedJson(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        Matcher property = YASSON_PROPERTY.matcher(message);
        if (property.find()) {
            String field = property.group(1);
            return ApiError.invalid(Map.of(field, List.of("Invalid value for field '" + field + "': wrong type")));
        }
        return ApiError.badRequest("malformed-json", "Malformed JSON in the request body");
    }

    private static ApiError fromViolations(ConstraintViolationException cve) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            fields.computeIfAbsent(wireName(v), k -> new ArrayList<>()).add(message(v));
        }
        if (fields.isEmpty()) {
            return ApiError.badRequest("invalid-input", cve.getMessage());
        }
        return ApiError.invalid(fields);
    }

    private static String message(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> FieldMessages.BREATHECODE.required();
            default -> v.getMessage();
        };
    }

    /** The JSON name of the violated property: its {@code @JsonbProperty} name when it has one. */
    private static String wireName(ConstraintViolation<?> v) {
        String name = "body";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD) {
                name = node.getName();
            }
        }
        if (name.startsWith("arg") || "body".equals(name)) {
            return v.getLeafBean() == null || v.getInvalidValue() == null ? "body" : name;
        }
        Object leaf = v.getLeafBean();
        if (leaf != null) {
            try {
                Field field = leaf.getClass().getDeclaredField(name);
                JsonbProperty json = field.getAnnotation(JsonbProperty.class);
                if (json != null) {
                    return json.value();
                }
            } catch (NoSuchFieldException e) {
                // a method-level constraint: keep the Java name
            }
        }
        return name;
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
