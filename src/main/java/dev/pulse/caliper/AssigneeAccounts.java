package dev.pulse.caliper;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.identity.Accounts;
import dev.pulse.platform.cache.Caches;
import dev.pulse.platform.input.UrnUuid;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Links an event's assignee to the Pulse account whose uuid it is ({@code urn:uuid:<uuid>} or the
 * bare uuid), so other features can read a member's events; other assignees are stored unlinked.
 */
@ApplicationScoped
public class AssigneeAccounts {

    private static final int REMEMBERED = 100_000;
    // an account's uuid never changes; an unknown one may be registered any moment
    private static final Duration UNKNOWN_REMEMBERED = Duration.ofSeconds(5);

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    private Cache<UUID, Long> linked;
    private Cache<UUID, Boolean> unknown;

    @PostConstruct
    void start() {
        linked = Caches.bounded(REMEMBERED);
        unknown = Caches.expiringAfterWrite(REMEMBERED, UNKNOWN_REMEMBERED, clock);
    }

    /** The account whose uuid the assignee is, if any. */
    Long accountOf(String assignee) {
        Optional<UUID> uuid = UrnUuid.uuidOf(assignee);
        if (uuid.isEmpty()) {
            return null;
        }
        Long known = linked.getIfPresent(uuid.get());
        if (known != null || unknown.getIfPresent(uuid.get()) != null) {
            return known;
        }
        Optional<Long> id = accounts.resolve(uuid.get().toString()).map(a -> a.id());
        if (id.isPresent()) {
            linked.put(uuid.get(), id.get());
            return id.get();
        }
        unknown.put(uuid.get(), Boolean.TRUE);
        return null;
    }
}
