package dev.pulse.platform.input;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A UUID named as a URN, {@code urn:uuid:<uuid>} (RFC 4122): how Caliper names events and applications,
 * and one of the ways a request may name an account. The prefix is lowercase and the UUID has its canonical
 * 8-4-4-4-12 hexadecimal form, in either case.
 */
public record UrnUuid(UUID uuid) {

    public static final String PREFIX = "urn:uuid:";
    private static final Pattern URN = Pattern.compile(
            "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public UrnUuid {
        Objects.requireNonNull(uuid, "uuid");
    }

    public static UrnUuid random() {
        return new UrnUuid(UUID.randomUUID());
    }

    public static boolean isUrnUuid(String text) {
        return text != null && URN.matcher(text).matches();
    }

    /** The URN exactly as written; empty for anything else (surrounding spaces included). */
    public static Optional<UrnUuid> parse(String text) {
        return isUrnUuid(text) ? Optional.of(new UrnUuid(UUID.fromString(text.substring(PREFIX.length()))))
                : Optional.empty();
    }

    /**
     * The UUID a reference names: {@code urn:uuid:<uuid>} with the prefix in any case, or a bare UUID; both
     * in canonical form. Empty for anything else (an email, a numeric id, a slug).
     */
    public static Optional<UUID> uuidOf(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = reference.trim();
        String uuid = ref.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? ref.substring(PREFIX.length()) : ref;
        return CANONICAL.matcher(uuid).matches() ? Optional.of(UUID.fromString(uuid)) : Optional.empty();
    }

    /** {@code urn:uuid:} and the UUID in lowercase. */
    @Override
    public String toString() {
        return PREFIX + uuid;
    }
}
