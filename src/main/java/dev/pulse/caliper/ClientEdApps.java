package dev.pulse.caliper;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.identity.ApiClient;
import dev.pulse.identity.ApiClients;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.cache.Caches;
import dev.pulse.platform.input.UrnUuid;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The edApp an event must name: the one registered for its client. Only the hub's URN form
 * identifies an edApp; IMS samples name theirs by URL, and those events are kept as sent.
 */
@ApplicationScoped
public class ClientEdApps {

    // an edApp is fixed at registration: safe to remember for a while
    private static final Duration REMEMBERED = Duration.ofSeconds(60);
    private static final int CLIENTS_REMEMBERED = 10_000;

    @Inject
    ApiClients clients;

    @Inject
    Clock clock;

    private Cache<String, Optional<String>> registered;

    @PostConstruct
    void start() {
        registered = Caches.expiringAfterWrite(CLIENTS_REMEMBERED, REMEMBERED, clock);
    }

    /** The mismatch message when the event names another edApp than its client's registered one. */
    Optional<String> mismatch(String clientId, ValidatedEvent event) {
        String named = event.edApp();
        if (named == null || !named.regionMatches(true, 0, UrnUuid.PREFIX, 0, UrnUuid.PREFIX.length())) {
            return Optional.empty();
        }
        Optional<String> edApp = registered.get(clientId, this::registeredEdApp);
        if (edApp.isEmpty() || edApp.get().equalsIgnoreCase(named)) {
            return Optional.empty();
        }
        return Optional.of("Field edApp " + named + " does not match the edApp registered for this client ("
                + edApp.get() + ")");
    }

    /** A client that is gone or disabled is answered as its token would be: 401 (and not remembered). */
    private Optional<String> registeredEdApp(String clientId) {
        ApiClient client = clients.find(clientId).orElseThrow(() -> ApiError.unauthorized("Invalid or expired token."));
        if (!client.isActive()) {
            throw ApiError.unauthorized("Invalid or expired token.");
        }
        return Optional.ofNullable(client.edapp()).filter(s -> !s.isBlank());
    }
}
