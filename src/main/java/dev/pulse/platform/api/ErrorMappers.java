package dev.pulse.platform.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The exception mappers. Each is one line over {@link ErrorResponses}; there are several only
 * because JAX-RS picks the mapper nearest the exception type, and Jersey ships its own mappers
 * for validation and JSON that would otherwise answer in plain text.
 */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    @Provider
    public static class ApiErrors implements ExceptionMapper<ApiError> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ApiError e) {
            return ErrorResponses.render(e, uri.getPath());
        }
    }

    @Provider
    public static class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            return ErrorResponses.render(e, uri.getPath());
        }
    }

    @Provider
    public static class ValidationErrors implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            return ErrorResponses.render(e, uri.getPath());
        }
    }

    @Provider
    public static class JsonBindingErrors implements ExceptionMapper<jakarta.json.bind.JsonbException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(jakarta.json.bind.JsonbException e) {
            return ErrorResponses.render(e, uri.getPath());
        }
    }

    @Provider
    public static class JsonParsingErrors implements ExceptionMapper<jakarta.json.JsonException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(jakarta.json.JsonException e) {
            return ErrorResponses.render(e, uri.getPath());
        }
    }

    /** Everything else: a wrapped client error if one is inside, otherwise a 500 with an error id. */
    @Provider
    public static class UnexpectedErrors implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            return ErrorResponses.render(e, uri.getPath());
        }
    }
}
