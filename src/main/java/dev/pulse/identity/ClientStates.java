package dev.pulse.identity;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.platform.cache.Caches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether each API client is enabled and which token version it holds, remembered like account
 * states (docs/decisions/0006, 0013): forgotten when a change to the client ends ({@link ClientChanged})
 * and in any case {@code PULSE_ACCOUNT_STATE_TTL} after it was read, so a client disabled on another
 * instance is refused here within that time. An unknown client is never remembered.
 */
@ApplicationScoped
public class ClientStates {

    /** Clients remembered at most; an entry is a few dozen bytes. */
    static final int MAX_REMEMBERED = 10_000;

    /** What a request needs to know about a client to accept its token. */
    public record ClientState(String clientId, boolean active, int tokenVersion) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "PULSE_ACCOUNT_STATE_TTL", defaultValue = "PT4S")
    Duration timeToLive;

    private Cache<String, ClientState> states;

    @PostConstruct
    void prepare() {
        states = Caches.expiringAfterWrite(MAX_REMEMBERED, timeToLive, clock);
    }

    public Optional<ClientState> byClientId(String clientId) {
        return Optional.ofNullable(states.get(clientId, this::load));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) ClientChanged change) {
        states.invalidate(change.clientId());
    }

    ClientState load(String clientId) {
        return em.createQuery("select c from ApiClient c where c.clientId = :id", ApiClient.class)
                .setParameter("id", clientId).getResultStream().findFirst()
                .map(c -> new ClientState(c.clientId(), c.isActive(), c.tokenVersion()))
                .orElse(null);
    }
}
