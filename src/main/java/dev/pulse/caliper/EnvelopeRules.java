package dev.pulse.caliper;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules of a Caliper envelope itself (sensor, sendTime, dataVersion, data), not of its events. */
final class EnvelopeRules {

    static final Set<String> SUPPORTED_DATA_VERSIONS = Set.of(CaliperTerms.CONTEXT);
    static final int MAX_EVENTS_PER_ENVELOPE = 1000;

    private EnvelopeRules() {
    }

    /** Every missing or malformed envelope field. */
    static List<String> check(JsonObject envelope) {
        FieldChecks err = new FieldChecks();
        err.iri("sensor", envelope.get("sensor"));
        err.dateTime("sendTime", envelope.get("sendTime"), true);
        err.string("dataVersion", envelope.get("dataVersion"), true);
        JsonValue data = envelope.get("data");
        if (!EventValues.present(data)) {
            err.missing("data");
        } else if (!(data instanceof JsonArray list)) {
            err.fail("data", "must be an array of events");
        } else if (list.isEmpty()) {
            err.fail("data", "must hold at least one event");
        } else if (list.size() > MAX_EVENTS_PER_ENVELOPE) {
            err.fail("data", "holds " + list.size() + " events; an envelope may carry at most "
                    + MAX_EVENTS_PER_ENVELOPE);
        }
        return err.messages();
    }

    /** Why a well-formed envelope's data version cannot be read, if it cannot. */
    static Optional<String> unsupportedDataVersion(JsonObject envelope) {
        String version = EventValues.text(envelope.get("dataVersion"));
        if (SUPPORTED_DATA_VERSIONS.contains(version)) {
            return Optional.empty();
        }
        return Optional.of("Field dataVersion " + version + " is not supported; supported: "
                + String.join(", ", SUPPORTED_DATA_VERSIONS));
    }
}
