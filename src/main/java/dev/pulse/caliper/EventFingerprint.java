package dev.pulse.caliper;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The fingerprint that tells a harmless resend from a conflicting event under a used id: SHA-256
 * of the event with its keys sorted and its numbers in one form, so a resend in another key order
 * (or with {@code 1.0} for {@code 1}) is still the same event.
 */
final class EventFingerprint {

    private EventFingerprint() {
    }

    static String of(JsonValue event) {
        StringBuilder canonical = new StringBuilder();
        canonical(event, canonical);
        return sha256(canonical.toString());
    }

    /** SHA-256 of the text's UTF-8 bytes, in lowercase hexadecimal (64 characters). */
    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject o) {
            out.append('{');
            boolean first = true;
            for (var entry : new TreeMap<>(o).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(JsonBodies.provider().createValue(entry.getKey())).append(':');
                canonical(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(a.get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonNumber n) {
            // scientific form: 1e999999999 must not expand into a billion digits
            out.append(n.bigDecimalValue().stripTrailingZeros().toString());
        } else {
            out.append(value);
        }
    }
}
