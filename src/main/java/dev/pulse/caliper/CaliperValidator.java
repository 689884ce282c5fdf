package dev.pulse.caliper;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Which rules a Caliper event answers to: an event in the hub's grade2 shape is checked against
 * {@link Grade2Rules}, any other against {@link Caliper12Rules}. Pure; every problem of an event is
 * reported at once, naming the dotted field and, for closed vocabularies, the accepted values.
 */
final class CaliperValidator {

    private CaliperValidator() {
    }

    /** The result of checking one event: its messages, or the event ready to store. */
    record Outcome(List<String> messages, ValidatedEvent event) {

        Outcome {
            messages = List.copyOf(messages);
            if (messages.isEmpty()) {
                Objects.requireNonNull(event, "event");
            }
        }

        static Outcome accepted(ValidatedEvent event) {
            return new Outcome(List.of(), event);
        }

        static Outcome rejected(List<String> messages) {
            return new Outcome(messages, null);
        }

        boolean valid() {
            return messages.isEmpty();
        }
    }

    static Outcome check(JsonObject event) {
        if (JsonBodies.holdsNullCharacter(event)) {
            // the event is stored as jsonb, which cannot hold one
            return Outcome.rejected(List.of("Null characters are not allowed in an event."));
        }
        return Grade2Rules.isGrade2Shaped(event) ? Grade2Rules.check(event) : Caliper12Rules.check(event);
    }
}
