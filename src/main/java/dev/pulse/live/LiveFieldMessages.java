package dev.pulse.live;

import dev.pulse.platform.input.BreatheCodeFieldMessages;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.StorableTime;

/**
 * Live's wording of field problems, defined once. Live's error body carries messages only, so each
 * message names its field: {@code "name: This field is required."}. Times are Vivere's: a local
 * date-time without an offset is read as UTC.
 */
final class LiveFieldMessages extends BreatheCodeFieldMessages {

    static final FieldMessages LIVE = new LiveFieldMessages();

    private LiveFieldMessages() {
    }

    @Override
    public String notAString() {
        return "Must be a string.";
    }

    @Override
    public String notAnInteger(long min, long max) {
        return "Must be a whole number between " + min + " and " + max + ".";
    }



    @Override
    public String notADateTime() {
        return "Must be an ISO 8601 date-time, like 2017-03-18T00:15:00Z.";
    }

    @Override
    public String notADateTimeString() {
        return "Must be an ISO 8601 date-time string.";
    }

    @Override
    public String timeOutOfRange() {
        return "Must be a date-time between the years 4713 BC and 294247.";
    }

    @Override
    public String secretNotAString(int max) {
        return "Must be a non-blank string of at most " + max + " characters.";
    }

    @Override
    public String secretBlank(int max) {
        return secretNotAString(max);
    }

    @Override
    public String secretTooLong(int max) {
        return secretNotAString(max);
    }

    /** Ids are strings or numbers as the client sent them; whether one names anything is the service's call. */
    @Override
    public String notAReference() {
        return "Must be an id.";
    }

    @Override
    public StorableTime.Form timeForm() {
        return StorableTime.Form.LOCAL_AS_UTC;
    }

    @Override
    public String attach(String field, String message) {
        return field + ": " + message;
    }
}
