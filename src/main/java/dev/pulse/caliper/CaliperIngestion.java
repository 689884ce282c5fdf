package dev.pulse.caliper;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.persistence.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingestion rules beyond the wire format: an event's edApp must be its client's, assignees
 * that are accounts get linked, a resent event is acknowledged without being stored twice, and a
 * different event under a used id is a conflict. Envelopes are stored all-or-nothing, or, when the
 * caller asks for it, valid events are stored and the others reported.
 * <p>
 * Deliberately not a JTA transaction (NOT_SUPPORTED): single events are committed by
 * a {@link GroupCommit} together with other requests' events, envelopes by the store in one local
 * transaction; holding a transaction (and its connection) per request here is what they avoid.
 * See {@code docs/decisions/0003-caliper-outside-jta-with-group-commit.md}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CaliperIngestion {

    /** The most single events one transaction holds. */
    static final int MAX_BATCH = 500;

    private static final String INGESTED = "ingested";
    private static final String DEDUPLICATED = "deduplicated";
    private static final String REJECTED = "rejected";

    @Inject
    ClientEdApps edApps;

    @Inject
    AssigneeAccounts assignees;

    @Inject
    CaliperEventStore store;

    @Inject
    Clock clock;

    @Inject
    Meter meter;

    /** Single events, committed together with other requests' single events. */
    private GroupCommit<CaliperEventStore.Row, CaliperEventStore.Result> singleEvents;

    @PostConstruct
    void init() {
        singleEvents = new GroupCommit<>("Caliper events", MAX_BATCH, meter, rows -> store.insert(rows, false, clock.instant()));
    }

    /** One event of an envelope that was not stored, and why. */
    public record Rejection(int index, String id, int status, List<String> messages) {
    }

    /** What happened to an envelope's events. */
    public record EnvelopeReceipt(int received, int stored, int alreadyStored, List<Rejection> rejected) {
    }

    /** Stores one grade2 event; returns its id. 400 invalid, 403 foreign edApp, 409 id reused. */
    public String grade2(String clientId, JsonObject body) {
        CaliperValidator.Outcome outcome = CaliperValidator.grade2(body);
        if (!outcome.valid()) {
            events(REJECTED, 1);
            throw ApiError.invalid(Map.of("event", outcome.messages()));
        }
        ValidatedEvent event = outcome.event();
        edApps.mismatch(clientId, event).ifPresent(message -> {
            events(REJECTED, 1);
            throw ApiError.forbidden("edapp-mismatch", message);
        });
        CaliperEventStore.Result result = singleEvents.write(row(clientId, event));
        switch (result) {
            case STORED -> events(INGESTED, 1);
            case ALREADY_STORED -> events(DEDUPLICATED, 1);
            case CONFLICT -> {
                events(REJECTED, 1);
                throw ApiError.conflict("event-id-conflict", conflictMessage(event.id()));
            }
        }
        return event.id();
    }

    /** Validates and stores a Caliper envelope: all events in one transaction, or the valid ones when partial. */
    public EnvelopeReceipt envelope(String clientId, JsonObject envelope, boolean partial) {
        List<String> problems = EnvelopeRules.check(envelope);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(Map.of("envelope", problems));
        }
        EnvelopeRules.unsupportedDataVersion(envelope).ifPresent(message -> {
            throw new ApiError(422, "unsupported-data-version", message);
        });
        List<JsonValue> data = envelope.getJsonArray("data");
        Triage triage = triage(clientId, data);
        List<Rejection> rejected = triage.rejected();
        if (!partial && !rejected.isEmpty()) {
            events(REJECTED, data.size());
            List<String> messages = rejected.stream().flatMap(r -> r.messages().stream()).toList();
            boolean onlyForbidden = rejected.stream().allMatch(r -> r.status() == 403);
            if (onlyForbidden) {
                throw ApiError.forbidden("edapp-mismatch", String.join("; ", messages));
            }
            throw ApiError.invalid(Map.of("data", messages));
        }
        List<CaliperEventStore.Row> rows = triage.rows();
        List<CaliperEventStore.Result> results = store.insert(rows, !partial, clock.instant());
        int stored = 0;
        int already = 0;
        List<String> conflicts = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            int i = triage.indexes().get(k);
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
            events(REJECTED, data.size());
            throw new ApiError(409, "event-id-conflict", String.join("; ", conflicts));
        }
        events(INGESTED, stored);
        events(DEDUPLICATED, already);
        events(REJECTED, rejected.size());
        rejected.sort(Comparator.comparingInt(Rejection::index));
        return new EnvelopeReceipt(data.size(), stored, already, List.copyOf(rejected));
    }

    /** An envelope's events sorted into rows to store (with their data indexes) and rejections. */
    private record Triage(List<CaliperEventStore.Row> rows, List<Integer> indexes, List<Rejection> rejected) {
    }

    private Triage triage(String clientId, List<JsonValue> data) {
        Triage triage = new Triage(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            if (!(data.get(i) instanceof JsonObject item)) {
                triage.rejected().add(new Rejection(i, null, 400, List.of("data[" + i + "] must be an event object")));
                continue;
            }
            String id = EventValues.text(item.get("id"));
            if (id != null && seen.containsKey(id)) {
                triage.rejected().add(new Rejection(i, id, 400, List.of("data[" + i + "]: event id " + id
                        + " is repeated in this envelope (first at data[" + seen.get(id) + "])")));
                continue;
            }
            if (id != null) {
                seen.put(id, i);
            }
            CaliperValidator.Outcome outcome = CaliperValidator.check(item);
            if (!outcome.valid()) {
                int index = i;
                triage.rejected().add(new Rejection(i, id, 400, outcome.messages().stream()
                        .map(m -> "data[" + index + "]: " + m).toList()));
                continue;
            }
            Optional<String> mismatch = edApps.mismatch(clientId, outcome.event());
            if (mismatch.isPresent()) {
                triage.rejected().add(new Rejection(i, id, 403, List.of("data[" + i + "]: " + mismatch.get())));
                continue;
            }
            triage.indexes().add(i);
            triage.rows().add(row(clientId, outcome.event()));
        }
        return triage;
    }

    private CaliperEventStore.Row row(String clientId, ValidatedEvent event) {
        return new CaliperEventStore.Row(clientId, event, assignees.accountOf(event.assignee()));
    }

    /** Counts events by what became of them; an envelope refused as a whole rejects all of its events. */
    private void events(String outcome, long n) {
        meter.count("pulse_caliper_events", n, "outcome", outcome);
    }

    private static String conflictMessage(String id) {
        return "Event " + id + " was already stored with different content";
    }
}
