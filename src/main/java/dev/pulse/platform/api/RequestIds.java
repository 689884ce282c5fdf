package dev.pulse.platform.api;

import java.util.UUID;

/**
 * The id of the request being served on this thread: the client's {@code X-Request-ID} when it
 * sent one, else a new UUID. Sunbird echoes it as {@code params.msgid}; error logs carry it.
 */
public final class RequestIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    static void begin(String clientRequestId) {
        CURRENT.set(clientRequestId == null || clientRequestId.isBlank() ? UUID.randomUUID().toString() : clientRequestId);
    }

    static void end() {
        CURRENT.remove();
    }

    public static String current() {
        String id = CURRENT.get();
        return id == null ? UUID.randomUUID().toString() : id;
    }
}
