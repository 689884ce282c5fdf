package dev.pulse.caliper;

import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.StorableTime;

/**
 * The Caliper endpoints' wording of field problems: the dotted field name after "Field", then what
 * is wrong ("Field object.assignee.id not informed", "Field limit must be a whole number from 1 to
 * 500"). Problems only Caliper has (URNs, IRIs, closed vocabularies) are worded by {@link FieldChecks}
 * in the same form.
 */
final class CaliperFieldMessages implements FieldMessages {

    static final FieldMessages CALIPER = new CaliperFieldMessages();

    private CaliperFieldMessages() {
    }

    @Override
    public String attach(String field, String message) {
        return "Field " + field + " " + message;
    }

    @Override
    public StorableTime.Form timeForm() {
        // Caliper asks only for "ISO 8601": a time without an offset, or a bare date, is read as UTC
        return StorableTime.Form.LOCAL_AS_UTC;
    }

    @Override
    public String required() {
        return "not informed";
    }

    /** A blank string counts as absent in every Caliper rule. */
    @Override
    public String blank() {
        return required();
    }

    @Override
    public String notAString() {
        return "must be a string";
    }

    @Override
    public String tooLong(int max) {
        return "must have at most " + max + " characters";
    }

    @Override
    public String notAnInteger(long min, long max) {
        return "must be a whole number from " + min + " to " + max;
    }



    @Override
    public String notADateTime() {
        return "must be an ISO 8601 date-time or date, such as 2024-03-01T10:15:00.000Z (UTC when no offset is given)";
    }

    @Override
    public String timeOutOfRange() {
        return "is out of range";
    }

    @Override
    public String notABoolean() {
        return "must be one of: TRUE, FALSE";
    }

    @Override
    public String notAnObject() {
        return "must be an object";
    }

    @Override
    public String notAnArray() {
        return "must be an array";
    }

    @Override
    public String notASlug() {
        return "must be a slug of lowercase letters, digits, hyphens and underscores";
    }

    @Override
    public String notAReference() {
        return "must be a slug, an email or a numeric id";
    }

    @Override
    public String nullCharacter() {
        return "must not contain the NUL character";
    }

    @Override
    public String numberOutOfRange() {
        return "must hold only numbers within the range of a 64-bit float";
    }

    @Override
    public String invalidCursor() {
        return "is not a cursor this API returned";
    }
}
