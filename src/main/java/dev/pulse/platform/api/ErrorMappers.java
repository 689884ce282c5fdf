package dev.pulse.platform.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * The exception mappers, all rendering through {@link ErrorResponses} in the request's family
 * envelope: the {@link Family} the matched resource declares, or for a URL no resource matched, the
 * family of its path. There are several only because JAX-RS picks the mapper nearest the exception
 * type, and Jersey ships its own mappers for validation and JSON that would otherwise answer in plain text.
 */
public abstract class ErrorMappers<T extends Throwable> implements ExceptionMapper<T> {

    @Context
    UriInfo uri;

    /** The matched resource; its class is null when routing found none. */
    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(T failure) {
        String path = uri.getPath();
        return ErrorResponses.render(failure, ApiFamily.of(resource.getResourceClass(), path), path, route(path));
    }

    /** The matched route's template ({@code /api/group/v1/read/{groupId}}), or the path when no resource matched. */
    private String route(String path) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        if (type == null || method == null) {
            return path;
        }
        jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path operation = method.getAnnotation(jakarta.ws.rs.Path.class);
        return (base == null ? "" : base.value()) + "/" + (operation == null ? "" : operation.value());
    }

    @Provider
    public static class ApiErrors extends ErrorMappers<ApiError> {
    }

    @Provider
    public static class WebApplicationErrors extends ErrorMappers<WebApplicationException> {
    }

    @Provider
    public static class ValidationErrors extends ErrorMappers<ConstraintViolationException> {
    }

    @Provider
    public static class JsonBindingErrors extends ErrorMappers<JsonbException> {
    }

    @Provider
    public static class JsonParsingErrors extends ErrorMappers<JsonException> {
    }

    /** Everything else: a wrapped client error if one is inside, otherwise a 500 with an error id. */
    @Provider
    public static class UnexpectedErrors extends ErrorMappers<Throwable> {
    }
}
