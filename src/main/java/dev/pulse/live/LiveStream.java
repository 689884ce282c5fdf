package dev.pulse.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Server-Sent Events side of notifications: one broadcaster for every open {@code /live/stream}.
 * Each event is {@code event: <name>}, {@code id: <notification id>} and
 * {@code data: {"channel":…,"data":…}}.
 */
@ApplicationScoped
public class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());

    private Sse sse;
    private SseBroadcaster broadcaster;

    /** Sends what the client missed, then keeps it subscribed. */
    public synchronized void subscribe(Sse sse, SseEventSink sink, List<Notification.Published> missed) {
        if (broadcaster == null) {
            this.sse = sse;
            this.broadcaster = sse.newBroadcaster();
            broadcaster.onError((s, e) -> LOG.log(Level.FINE, "SSE client dropped", e));
        }
        sink.send(sse.newEventBuilder().comment("connected").build());
        for (Notification.Published notification : missed) {
            sink.send(event(notification));
        }
        broadcaster.register(sink);
    }

    public void broadcast(Notification.Published notification) {
        SseBroadcaster target;
        synchronized (this) {
            target = broadcaster;
        }
        if (target != null) {
            target.broadcast(event(notification));
        }
    }

    private OutboundSseEvent event(Notification.Published notification) {
        JsonValue data = Json.createReader(new StringReader(notification.payload())).readValue();
        String body = Json.createObjectBuilder().add("channel", notification.channel()).add("data", data).build().toString();
        // text/plain: the JSON is already serialised, no JSON-B writer should quote it again
        return sse.newEventBuilder()
                .id(String.valueOf(notification.id()))
                .name(notification.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, body)
                .build();
    }
}
