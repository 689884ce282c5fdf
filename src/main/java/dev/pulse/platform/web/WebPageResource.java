package dev.pulse.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What a page's resource does: {@code GET /path} (and {@code /path/}) answers {@link #index()}, and
 * {@code GET /path/{file: }{@value #FILE_PATTERN}{@code }} answers {@link #file(String)}. Only names with an
 * extension reach a page: every API path is a literal word without a dot, and literal paths win over this
 * template, so a page under an API's prefix (the live board under /live) neither shadows nor changes any of
 * its routes (docs/decisions/0025). The JAX-RS methods themselves are declared on each page's resource, with
 * {@code @Operation(hidden = true)}: Payara's OpenAPI scanner fails on annotated methods of an abstract class.
 */
public abstract class WebPageResource {

    /** The path template of a page's files: one segment with an extension. */
    public static final String FILE_PATTERN = "[^/]*\\.[A-Za-z0-9]+";

    @Context
    UriInfo uri;

    @Context
    ServletContext context;

    /** The page this resource serves. */
    protected abstract WebPage webPage();

    protected Response index() {
        return webPage().index(context, uri);
    }

    protected Response file(String name) {
        return webPage().file(context, name);
    }
}
