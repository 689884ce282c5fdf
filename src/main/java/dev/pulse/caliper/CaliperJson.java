package dev.pulse.caliper;

import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.UrnUuid;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** The JSON bodies the Caliper endpoints answer with. */
final class CaliperJson {

    private static final JsonProvider JSON = JsonBodies.provider();

    private CaliperJson() {
    }

    /** The acknowledgement of one stored (or already stored) grade2 event. */
    static JsonObject stored(String id) {
        return JSON.createObjectBuilder().add("@context", CaliperTerms.CONTEXT).add("id", id).build();
    }

    static JsonObject receipt(CaliperIngestion.EnvelopeReceipt receipt) {
        JsonArrayBuilder rejected = JSON.createArrayBuilder();
        for (CaliperIngestion.Rejection r : receipt.rejected()) {
            JsonObjectBuilder item = JSON.createObjectBuilder().add("index", r.index())
                    .add("status", r.status()).add("message", JSON.createArrayBuilder(r.messages()));
            text(item, "id", r.id());
            rejected.add(item);
        }
        return JSON.createObjectBuilder()
                .add("@context", CaliperTerms.CONTEXT)
                .add("received", receipt.received())
                .add("stored", receipt.stored())
                .add("alreadyStored", receipt.alreadyStored())
                .add("rejected", rejected)
                .build();
    }

    /** The endpoint configuration an IMS Caliper sensor asks for before sending. */
    static JsonObject configuration() {
        return JSON.createObjectBuilder()
                .add("caliper_maximum_payload_size", CaliperBodyLimit.MAX_BYTES / 1024)
                .add("caliper_supported_extensions", JSON.createObjectBuilder()
                        .add("endpoint_name", "Pulse Caliper endpoint")
                        .add("endpoint_version", "1.0.0")
                        .add("maximum_events_per_envelope", EnvelopeRules.MAX_EVENTS_PER_ENVELOPE)
                        .add("partial_envelopes", "?partial=true"))
                .add("caliper_supported_versions",
                        JSON.createArrayBuilder(EnvelopeRules.SUPPORTED_DATA_VERSIONS))
                .build();
    }

    /** A page of events; {@code withAccounts}: see {@link #event}. */
    static JsonObject page(CaliperEvents.Page page, boolean withAccounts) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        page.events().forEach(e -> data.add(event(e, withAccounts)));
        JsonObjectBuilder body = JSON.createObjectBuilder().add("data", data);
        text(body, "nextCursor", page.nextCursor());
        return body.build();
    }

    /**
     * One stored event: what the client sent and the values it is filtered by. Never an internal
     * account id; {@code withAccounts} (platform administrators) adds {@code accountUuid}, the uuid of
     * the account the assignee was linked to, or null. A client is not told which of its assignees
     * are Pulse accounts.
     */
    static JsonObject event(CaliperEvent e, boolean withAccounts) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", e.id())
                .add("type", e.type())
                .add("clientId", e.clientId())
                .add("eventTime", e.eventTime().toString())
                .add("receivedAt", e.receivedAt().toString());
        text(b, "action", e.action());
        text(b, "profile", e.profile());
        text(b, "assignee", e.assignee());
        text(b, "assignable", e.assignable());
        text(b, "edApp", e.edApp());
        text(b, "completion", e.completion());
        instant(b, "dateCreated", e.createdTime());
        if (withAccounts) {
            // an assignee is linked only by its uuid, so the linked account's uuid is the assignee's
            text(b, "accountUuid", e.accountId() == null ? null
                    : UrnUuid.uuidOf(e.assignee()).map(UUID::toString).orElse(null));
        }
        number(b, "scoreGiven", e.scoreGiven());
        number(b, "maxScore", e.maxScore());
        b.add("event", JsonBodies.parse(new StringReader(e.payload()))
                .orElseThrow(() -> new IllegalStateException("Stored Caliper event " + e.id() + " is not JSON")));
        return b.build();
    }

    private static void text(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static void instant(JsonObjectBuilder b, String key, Instant value) {
        text(b, key, value == null ? null : value.toString());
    }

    private static void number(JsonObjectBuilder b, String key, Double value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }
}
