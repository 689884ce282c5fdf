package dev.pulse.live;

import dev.pulse.platform.api.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Which uploads are map images: PNG, JPEG, SVG or WebP, at most 5 MiB. The declared type must be
 * one of those and agree with the bytes; a generic declared type is replaced by what the bytes are.
 */
final class MapImages {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/svg+xml", "image/webp");

    private MapImages() {
    }

    record Image(String contentType, byte[] bytes) {
    }

    /** The image's content type, or a 415; sizes are checked while reading (see {@link #tooLarge()}). */
    static Image accept(String declared, byte[] bytes) {
        String sniffed = sniff(bytes);
        String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (type.equals("image/jpg")) {
            type = "image/jpeg";
        }
        if (type.isEmpty() || type.equals("application/octet-stream")) {
            type = sniffed == null ? type : sniffed;
        }
        if (!TYPES.contains(type) || !type.equals(sniffed)) {
            throw new ApiError(415, "unsupported-image-type",
                    "The image must be PNG, JPEG, SVG or WebP (got " + (type.isEmpty() ? "no type" : type) + ")");
        }
        return new Image(type, bytes);
    }

    static ApiError tooLarge() {
        return new ApiError(413, "image-too-large", "The image is larger than " + MAX_BYTES + " bytes (5 MiB)");
    }

    /** The type the bytes are, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            return "image/svg+xml";
        }
        return null;
    }
}
