package dev.pulse.caliper;

import dev.pulse.identity.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Links an event's assignee to the Pulse account whose uuid it is, so other features can read a
 * member's events; assignees that are no account are stored unlinked.
 */
@ApplicationScoped
public class AssigneeAccounts {

    private static final Pattern UUID_URN = Pattern.compile(
            "(?i)(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Duration UNKNOWN_ASSIGNEE_CACHE = Duration.ofSeconds(5);
    private static final int CACHE_LIMIT = 100_000;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    // an account's uuid never changes: safe to remember; an unknown one may be registered soon
    private final Map<String, Long> linkedAccounts = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknownAssignees = new ConcurrentHashMap<>();

    /** The account whose uuid the assignee is, if any. */
    Long accountOf(String assignee) {
        if (assignee == null || !UUID_URN.matcher(assignee).matches()) {
            return null;
        }
        String uuid = assignee.substring(assignee.length() - 36).toLowerCase();
        Long known = linkedAccounts.get(uuid);
        if (known != null) {
            return known;
        }
        Instant now = clock.instant();
        Instant unknownUntil = unknownAssignees.get(uuid);
        if (unknownUntil != null && unknownUntil.isAfter(now)) {
            return null;
        }
        Optional<Long> id = accounts.resolve(UUID.fromString(uuid).toString()).map(a -> a.id());
        if (linkedAccounts.size() > CACHE_LIMIT) {
            linkedAccounts.clear();
        }
        if (unknownAssignees.size() > CACHE_LIMIT) {
            unknownAssignees.clear();
        }
        if (id.isPresent()) {
            linkedAccounts.put(uuid, id.get());
            return id.get();
        }
        unknownAssignees.put(uuid, now.plus(UNKNOWN_ASSIGNEE_CACHE));
        return null;
    }
}
