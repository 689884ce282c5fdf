package dev.pulse.platform.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sets the base every absolute URL in an answer is built from (map images, {@code next} links), before
 * any resource reads it: {@code PULSE_PUBLIC_URL} when configured, else the request's own, whose
 * {@code Host} must be a host name or address (anything else is a 400) and whose scheme follows
 * {@code X-Forwarded-Proto} from a TLS proxy. Resources keep using {@code UriInfo}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public class PublicBaseUri implements ContainerRequestFilter {

    /** A DNS name, IPv4 address, or bracketed IPv6 address, as RFC 3986 allows in an http URL. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\]");

    @Inject
    @ConfigProperty(name = "PULSE_PUBLIC_URL")
    Optional<String> publicUrl;

    private Optional<URI> configured;

    /** A malformed PULSE_PUBLIC_URL fails the deployment, saying why. */
    @PostConstruct
    void readPublicUrl() {
        configured = publicUrl.filter(u -> !u.isBlank()).map(PublicBaseUri::checked);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI base = request.getUriInfo().getBaseUri();
        URI requested = request.getUriInfo().getRequestUri();
        URI relative = base.relativize(requested);
        if (configured.isPresent()) {
            request.setRequestUri(configured.get(), configured.get().resolve(relative));
            return;
        }
        if (base.getHost() == null || !HOST.matcher(base.getHost()).matches()) {
            throw ApiError.badRequest("bad-host", "The Host header must name a host.");
        }
        String proto = request.getHeaderString("X-Forwarded-Proto");
        if (proto != null && (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http"))
                && !proto.equalsIgnoreCase(base.getScheme())) {
            URI proxied = withSchemeAndPath(base, proto.toLowerCase(), base.getRawPath());
            request.setRequestUri(proxied, proxied.resolve(relative));
        }
    }

    /** An absolute http(s) URL with no query or fragment, ending in '/' so that paths resolve under it. */
    static URI checked(String publicUrl) {
        URI uri;
        try {
            uri = URI.create(publicUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PULSE_PUBLIC_URL is not a URL: " + e.getMessage(), e);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "PULSE_PUBLIC_URL must be an absolute http or https URL without user, query or fragment, e.g. https://pulse.example.org/");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return withSchemeAndPath(uri, uri.getScheme().toLowerCase(), path.endsWith("/") ? path : path + "/");
    }

    private static URI withSchemeAndPath(URI uri, String scheme, String rawPath) {
        return URI.create(scheme + "://" + uri.getRawAuthority() + rawPath);
    }
}
