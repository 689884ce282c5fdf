package dev.pulse.platform.input;

/**
 * Django REST Framework's field messages, which the BreatheCode APIs (identity, activity, telemetry)
 * answer with. Use {@link FieldMessages#BREATHECODE}; extend this class for a family that shares most of
 * the wording.
 */
public class BreatheCodeFieldMessages implements FieldMessages {

    @Override
    public String required() {
        return "This field is required.";
    }

    @Override
    public String blank() {
        return "This field may not be blank.";
    }

    @Override
    public String notAString() {
        return "Not a valid string.";
    }

    @Override
    public String tooLong(int max) {
        return "Ensure this field has no more than " + max + " characters.";
    }

    @Override
    public String notAnInteger(long min, long max) {
        return "A valid integer is required.";
    }

    @Override
    public String belowMin(long min, long max) {
        return "Ensure this value is greater than or equal to " + min + ".";
    }

    @Override
    public String aboveMax(long min, long max) {
        return "Ensure this value is less than or equal to " + max + ".";
    }

    @Override
    public String notADateTime() {
        return "Datetime has wrong format. Use ISO 8601, e.g. 2026-11-23T10:00:00Z or 2026-11-23.";
    }

    @Override
    public String timeOutOfRange() {
        return "Datetime out of range.";
    }

    @Override
    public String notABoolean() {
        return "Must be a valid boolean.";
    }

    @Override
    public String notAnObject() {
        return "Value must be valid JSON object.";
    }

    @Override
    public String notAnArray() {
        return "Expected a list of items.";
    }

    @Override
    public String notASlug() {
        return "Enter a valid slug consisting of lowercase letters, numbers, underscores or hyphens.";
    }

    @Override
    public String notAReference() {
        return "Give a slug, an email or a numeric id.";
    }

    @Override
    public String nullCharacter() {
        return "Null characters are not allowed.";
    }

    @Override
    public String numberOutOfRange() {
        return "Numbers must be within the range of a 64-bit float.";
    }

    @Override
    public String invalidCursor() {
        return "Invalid cursor.";
    }

    public String tooShort(int min) {
        return "Ensure this field has at least " + min + " characters.";
    }

    public String notAnEmail() {
        return "Enter a valid email address.";
    }
}
