package dev.pulse.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A web page at the subclass's path ({@code GET /path} and {@code /path/}) and the files it loads
 * ({@code GET /path/<name>.<extension>}). Only names with an extension reach a page: every API path is a
 * literal word without a dot, and literal paths win over this template, so a page under an API's prefix
 * (the live board under /live) neither shadows nor changes any of its routes (docs/decisions/0025). The
 * operations are hidden from the OpenAPI document: the pages are not part of the API contract.
 */
public abstract class WebPageResource {

    @Context
    UriInfo uri;

    @Context
    ServletContext context;

    /** The page this resource serves. */
    protected abstract WebPage webPage();

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(hidden = true)
    public Response page() {
        return webPage().index(context, uri);
    }

    @GET
    @Path("{file: [^/]*\\.[A-Za-z0-9]+}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String file) {
        return webPage().file(context, file);
    }
}
