package dev.pulse.platform.input;

import dev.pulse.platform.api.ApiError;
import java.util.List;
import java.util.Map;

/**
 * The wording of field problems in one API family, and how a message is attached to its field. Each
 * family defines its wording once: {@link #BREATHECODE} here, because identity, activity and telemetry
 * share it; a family whose texts differ only in places extends {@link BreatheCodeFieldMessages} and
 * overrides those (Live names the field inside each message: {@code "name: This field is required."}).
 */
public interface FieldMessages {

    /** Django REST Framework's wording, as the BreatheCode APIs answer. */
    BreatheCodeFieldMessages BREATHECODE = new BreatheCodeFieldMessages();

    String required();

    String blank();

    String notAString();

    String tooLong(int max);

    /** Not a whole number (or not one that fits); {@code min} and {@code max} are the bounds asked for. */
    String notAnInteger(long min, long max);

    /** A whole number below {@code min}; by default worded like any number out of range. */
    default String belowMin(long min, long max) {
        return notAnInteger(min, max);
    }

    /** A whole number above {@code max}; by default worded like any number out of range. */
    default String aboveMax(long min, long max) {
        return notAnInteger(min, max);
    }

    /** A value that is not ISO 8601 text in the family's {@link #timeForm()}. */
    String notADateTime();

    /** A date-time that is well-formed but outside what can be stored ({@link StorableTime}). */
    String timeOutOfRange();

    String notABoolean();

    String notAnObject();

    String notAnArray();

    String notASlug();

    /** Not a reference to a user or a cohort (a slug, an email, a uuid or a positive numeric id). */
    String notAReference();

    /** PostgreSQL cannot store a NUL character in text. */
    String nullCharacter();

    /** A number in a stored document beyond a 64-bit float's range. */
    String numberOutOfRange();

    /** Why a document cannot be stored. */
    default String unstorable(JsonBodies.Unstorable what) {
        return switch (what) {
            case NUL_CHARACTER -> nullCharacter();
            case NUMBER_OUT_OF_RANGE -> numberOutOfRange();
        };
    }

    String invalidCursor();

    /** How the family writes times. */
    default StorableTime.Form timeForm() {
        return StorableTime.Form.OFFSET_DATE_TIME_OR_DATE;
    }

    /** A date-time field that is not a string at all; by default worded like any other bad date-time. */
    default String notADateTimeString() {
        return notADateTime();
    }

    /** A secret (a password) that is not a string; secrets are never trimmed. */
    default String secretNotAString(int max) {
        return notAString();
    }

    default String secretBlank(int max) {
        return blank();
    }

    default String secretTooLong(int max) {
        return tooLong(max);
    }

    /** The message as it appears in the error body under its field. */
    default String attach(String field, String message) {
        return message;
    }

    /** A 400 naming one field, in this family's words. */
    default ApiError invalid(String field, String message) {
        return ApiError.invalid(Map.of(field, List.of(attach(field, message))));
    }
}
