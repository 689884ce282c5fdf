package dev.pulse.caliper;

import dev.pulse.identity.Accounts;
import dev.pulse.identity.ApiClient;
import dev.pulse.identity.ApiClients;
import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The ingestion rules beyond the wire format: an event's edApp must be its client's, assignees
 * that are accounts get linked, a resent event is acknowledged without being stored twice, and a
 * different event under a used id is a conflict. Envelopes are stored all-or-nothing, or, when the
 * caller asks for it, valid events are stored and the others reported.
 * <p>
 * Deliberately not a JTA transaction (NOT_SUPPORTED): single events are committed by
 * {@link GroupCommit} together with other requests' events, envelopes by the store in one local
 * transaction; holding a transaction (and its connection) per request here is what they avoid.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CaliperIngestion {

    private static final Pattern UUID_URN = Pattern.compile(
            "(?i)(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Duration CLIENT_CACHE = Duration.ofSeconds(60);
    private static final Duration UNKNOWN_ASSIGNEE_CACHE = Duration.ofSeconds(5);
    private static final int CACHE_LIMIT = 100_000;

    @Inject
    ApiClients clients;

    @Inject
    Accounts accounts;

    @Inject
    GroupCommit groupCommit;

    @Inject
    CaliperEventStore store;

    @Inject
    Clock clock;

    private final CaliperValidator validator = new CaliperValidator();

    // an edApp is fixed at registration; an account's uuid never changes: both are safe to remember
    private final Map<String, CachedEdApp> edApps = new ConcurrentHashMap<>();
    private final Map<String, Long> linkedAccounts = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknownAssignees = new ConcurrentHashMap<>();

    private record CachedEdApp(Optional<String> edApp, Instant until) {
    }

    /** One event of an envelope that was not stored, and why. */
    public record Rejection(int index, String id, int status, List<String> messages) {
    }

    /** What happened to an envelope's events. */
    public record EnvelopeReceipt(int received, int stored, int alreadyStored, List<Rejection> rejected) {
    }

    /** Stores one grade2 event; returns its id. 400 invalid, 403 foreign edApp, 409 id reused. */
    public String grade2(String clientId, JsonObject body) {
        CaliperValidator.Outcome outcome = validator.grade2(body);
        if (!outcome.valid()) {
            throw ApiError.invalid(Map.of("event", outcome.messages()));
        }
        ValidatedEvent event = outcome.event();
        edAppMismatch(clientId, event).ifPresent(message -> {
            throw ApiError.forbidden("edapp-mismatch", message);
        });
        CaliperEventStore.Result result = groupCommit.store(
                new CaliperEventStore.Row(clientId, event, accountOf(event.assignee())));
        if (result == CaliperEventStore.Result.CONFLICT) {
            throw ApiError.conflict("event-id-conflict", conflictMessage(event.id()));
        }
        return event.id();
    }

    /** Validates and stores a Caliper envelope: all events in one transaction, or the valid ones when partial. */
    public EnvelopeReceipt envelope(String clientId, JsonObject envelope, boolean partial) {
        List<String> problems = validator.envelope(envelope);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(Map.of("envelope", problems));
        }
        String version = CaliperValidator.text(envelope.get("dataVersion"));
        if (!CaliperValidator.SUPPORTED_DATA_VERSIONS.contains(version)) {
            throw new ApiError(422, "unsupported-data-version", "Field dataVersion " + version
                    + " is not supported; supported: " + String.join(", ", CaliperValidator.SUPPORTED_DATA_VERSIONS));
        }
        List<JsonValue> data = envelope.getJsonArray("data");
        List<Rejection> rejected = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<CaliperEventStore.Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            if (!(data.get(i) instanceof JsonObject item)) {
                rejected.add(new Rejection(i, null, 400, List.of("data[" + i + "] must be an event object")));
                continue;
            }
            String id = CaliperValidator.text(item.get("id"));
            if (id != null && seen.containsKey(id)) {
                rejected.add(new Rejection(i, id, 400, List.of("data[" + i + "]: event id " + id
                        + " is repeated in this envelope (first at data[" + seen.get(id) + "])")));
                continue;
            }
            if (id != null) {
                seen.put(id, i);
            }
            CaliperValidator.Outcome outcome = validator.caliperEvent(item);
            if (!outcome.valid()) {
                int index = i;
                rejected.add(new Rejection(i, id, 400, outcome.messages().stream()
                        .map(m -> "data[" + index + "]: " + m).toList()));
                continue;
            }
            Optional<String> mismatch = edAppMismatch(clientId, outcome.event());
            if (mismatch.isPresent()) {
                rejected.add(new Rejection(i, id, 403, List.of("data[" + i + "]: " + mismatch.get())));
                continue;
            }
            indexes.add(i);
            rows.add(new CaliperEventStore.Row(clientId, outcome.event(), accountOf(outcome.event().assignee())));
        }
        if (!partial && !rejected.isEmpty()) {
            List<String> messages = rejected.stream().flatMap(r -> r.messages().stream()).toList();
            boolean onlyForbidden = rejected.stream().allMatch(r -> r.status() == 403);
            if (onlyForbidden) {
                throw ApiError.forbidden("edapp-mismatch", String.join("; ", messages));
            }
            throw ApiError.invalid(Map.of("data", messages));
        }
        List<CaliperEventStore.Result> results = store.insert(rows, !partial, clock.instant());
        int stored = 0;
        int already = 0;
        List<String> conflicts = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            int i = indexes.get(k);
            String id = rows.get(k).event().id();
            switch (results.get(k)) {
                case STORED -> stored++;
                case ALREADY_STORED -> already++;
                case CONFLICT -> {
                    String message = "data[" + i + "]: " + conflictMessage(id);
                    conflicts.add(message);
                    rejected.add(new Rejection(i, id, 409, List.of(message)));
                }
            }
        }
        if (!partial && !conflicts.isEmpty()) {
            // the store rolled the envelope back
            throw new ApiError(409, "event-id-conflict", String.join("; ", conflicts));
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejection::index));
        return new EnvelopeReceipt(data.size(), stored, already, List.copyOf(rejected));
    }

    private static String conflictMessage(String id) {
        return "Event " + id + " was already stored with different content";
    }

    /** The mismatch message when the event names another edApp than its client's registered one. */
    private Optional<String> edAppMismatch(String clientId, ValidatedEvent event) {
        String named = event.edApp();
        // only the hub's URN form identifies an edApp; IMS samples name theirs by URL and are kept as sent
        if (named == null || !named.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            return Optional.empty();
        }
        Optional<String> registered = registeredEdApp(clientId);
        if (registered.isEmpty() || registered.get().equalsIgnoreCase(named)) {
            return Optional.empty();
        }
        return Optional.of("Field edApp " + named + " does not match the edApp registered for this client ("
                + registered.get() + ")");
    }

    private Optional<String> registeredEdApp(String clientId) {
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

    /** The account whose uuid the assignee is, if any; unknown assignees are stored unlinked. */
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
