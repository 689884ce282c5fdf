package dev.pulse.caliper;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
        return Grade2Rules.isGrade2Shaped(event) ? grade2(event) : storable(event, Caliper12Rules::check);
    }

    /** A body of {@code /analytics/grade2}, which is always read by the grade2 rules. */
    static Outcome grade2(JsonObject event) {
        return storable(event, Grade2Rules::check);
    }

    /** The event is stored as jsonb, which cannot hold a NUL character nor a number of any size. */
    private static Outcome storable(JsonObject event, Function<JsonObject, Outcome> rules) {
        return JsonBodies.unstorable(event)
                .map(what -> Outcome.rejected(List.of(switch (what) {
                    case NUL_CHARACTER -> "Null characters are not allowed in an event.";
                    case NUMBER_OUT_OF_RANGE -> "Numbers in an event must be within the range of a 64-bit float.";
                })))
                .orElseGet(() -> rules.apply(event));
    }
}
