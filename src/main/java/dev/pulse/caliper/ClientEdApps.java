package dev.pulse.caliper;

import dev.pulse.identity.ApiClient;
import dev.pulse.identity.ApiClients;
import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edApp an event must name: the one registered for its client. Only the hub's URN form
 * identifies an edApp; IMS samples name theirs by URL, and those events are kept as sent.
 */
@ApplicationScoped
public class ClientEdApps {

    private static final Duration CLIENT_CACHE = Duration.ofSeconds(60);

    @Inject
    ApiClients clients;

    @Inject
    Clock clock;

    // an edApp is fixed at registration: safe to remember for a while
    private final Map<String, CachedEdApp> edApps = new ConcurrentHashMap<>();

    private record CachedEdApp(Optional<String> edApp, Instant until) {
    }

    /** The mismatch message when the event names another edApp than its client's registered one. */
    Optional<String> mismatch(String clientId, ValidatedEvent event) {
        String named = event.edApp();
        if (named == null || !named.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            return Optional.empty();
        }
        Optional<String> registered = registered(clientId);
        if (registered.isEmpty() || registered.get().equalsIgnoreCase(named)) {
            return Optional.empty();
        }
        return Optional.of("Field edApp " + named + " does not match the edApp registered for this client ("
                + registered.get() + ")");
    }

    private Optional<String> registered(String clientId) {
        Instant now = clock.instant();
        CachedEdApp cached = edApps.get(clientId);
        if (cached == null || cached.until().isBefore(now)) {
            ApiClient client = clients.find(clientId)
                    .orElseThrow(() -> ApiError.unauthorized("Invalid or expired token."));
            if (!client.isActive()) {
                throw ApiError.unauthorized("Invalid or expired token.");
            }
            cached = new CachedEdApp(Optional.ofNullable(client.edapp()).filter(s -> !s.isBlank()),
                    now.plus(CLIENT_CACHE));
            edApps.put(clientId, cached);
        }
        return cached.edApp();
    }
}
