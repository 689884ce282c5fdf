package dev.pulse.platform.web;

import dev.pulse.platform.api.ApiError;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One web page of Pulse and the files it loads, served by a JAX-RS resource at the page's path. The
 * application owns {@code /*}, so the servlet container never serves the WAR's static files or a jar's
 * {@code META-INF/resources}; this is the one way they reach a browser (docs/decisions/0021, 0025).
 * <ul>
 * <li>the page is {@code src/main/webapp/<folder>/index.html}, with {@code {{root}}} replaced by the
 * application's base path so that it works under any context root;</li>
 * <li>its own scripts, styles and images are the files of that folder, then of {@code shared/} (what
 * several pages use), by plain name only; an HTML file is never served by name;</li>
 * <li>library files come from webjars, each named here; nothing else of a webjar is served.</li>
 * </ul>
 * Every answer carries a Content-Security-Policy that allows scripts, styles, images and fetches from this
 * origin only, and {@code nosniff}.
 */
public final class WebPage {

    /**
     * Scripts from this server only, no inline script. Inline styles and {@code data:} images are allowed:
     * Swagger UI uses both, and uPlot positions its elements with inline styles.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private static final Pattern OWN_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.(js|css|png|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "png", "image/png",
            "svg", "image/svg+xml");
    private static final String SHARED = "shared";

    private final String folder;
    private final String description;
    private final Map<String, String> libraries;

    /**
     * @param folder the page's folder under {@code src/main/webapp}
     * @param description what the page is, for the 404 text ("the API page")
     * @param libraries the webjar files the page loads, by the name it loads them under
     */
    public WebPage(String folder, String description, Library... libraries) {
        this.folder = folder;
        this.description = description;
        this.libraries = Arrays.stream(libraries).collect(Collectors.toUnmodifiableMap(Library::name, Library::resource));
    }

    /** The page itself; never cached, so a new WAR's page is seen at once. */
    public Response index(ServletContext context, UriInfo uri) {
        String root = uri.getBaseUri().getPath().replaceAll("/$", "");
        String html = text(webappFile(context, folder + "/index.html")
                .orElseThrow(() -> new IllegalStateException(folder + "/index.html is missing from the WAR")))
                .replace("{{root}}", root);
        return withHeaders(Response.ok(html, MediaType.TEXT_HTML + ";charset=UTF-8"), "no-cache");
    }

    /** A file the page loads: one of its libraries or one of its own files; anything else is a 404. */
    public Response file(ServletContext context, String name) {
        String library = libraries.get(name);
        if (library != null) {
            InputStream in = WebPage.class.getClassLoader().getResourceAsStream(library);
            if (in == null) {
                throw new IllegalStateException(library + " is missing from the WAR");
            }
            // a new library comes only with a new WAR; browsers see it within the hour
            return withHeaders(Response.ok(in, type(name)), "public, max-age=3600");
        }
        if (OWN_FILE.matcher(name).matches()) {
            Optional<InputStream> own = webappFile(context, folder + "/" + name)
                    .or(() -> webappFile(context, SHARED + "/" + name));
            if (own.isPresent()) {
                return withHeaders(Response.ok(own.get(), type(name)), "no-cache");
            }
        }
        throw ApiError.notFound("not-found", "No such file on " + description + ": " + name);
    }

    private static String type(String name) {
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    }

    private static Optional<InputStream> webappFile(ServletContext context, String path) {
        return Optional.ofNullable(context.getResourceAsStream("/" + path));
    }

    private static Response withHeaders(Response.ResponseBuilder response, String cacheControl) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", cacheControl)
                .build();
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of a webjar, served under {@code name}; the webjar's version is read from its Maven metadata. */
    public record Library(String name, String resource) {

        /**
         * @param name the name the page loads it under
         * @param group the webjar's Maven group ({@code org.webjars}, {@code org.webjars.npm})
         * @param artifact the webjar's artifact id
         * @param path the file's path inside the webjar's versioned folder
         */
        public static Library of(String name, String group, String artifact, String path) {
            return new Library(name, "META-INF/resources/webjars/" + artifact + "/" + version(group, artifact) + "/" + path);
        }
    }

    /** The version of a webjar in the WAR, from its Maven metadata, so that upgrading it is a change to the POM only. */
    private static String version(String group, String artifact) {
        String pom = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        Properties properties = new Properties();
        try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(pom)) {
            if (in == null) {
                throw new IllegalStateException("the webjar " + group + ":" + artifact + " is missing from the WAR");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
