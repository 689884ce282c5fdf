package dev.pulse.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A raw SSE reader: events as they arrive; ready once the server's opening comment came. */
public final class SseClient implements AutoCloseable {
    /** One event, and when it was read ({@link System#nanoTime()}). */
    public record Event(String id, String name, JsonObject data, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final HttpURLConnection connection;
    private final Thread reader;

    public SseClient(URL base, String lastEventId) throws Exception {
        connection = (HttpURLConnection) new URL(base, "live/stream").openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        if (lastEventId != null) {
            connection.setRequestProperty("Last-Event-ID", lastEventId);
        }
        connection.setReadTimeout(0);
        reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertTrue(ready.await(30, TimeUnit.SECONDS), "the SSE stream opened");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(":")) {
                    ready.countDown();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(id, name, Json.createReader(new StringReader(data.toString())).readObject(),
                            System.nanoTime()));
                    id = null;
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // closed by the test
        }
    }

    public Event await(Predicate<Event> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Event> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
                if (wanted.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no matching SSE event within " + seconds + " s; saw " + seen);
    }

    /**
     * Disconnects on a thread of its own: HttpURLConnection's disconnect waits for the lock that
     * the reader holds while it blocks on a quiet chunked stream, so calling it here could hang
     * the test until the server next writes.
     */
    @Override
    public void close() {
        Thread closer = new Thread(connection::disconnect, "sse-close");
        closer.setDaemon(true);
        closer.start();
    }
}
