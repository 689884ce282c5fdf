package dev.pulse.live;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.platform.cache.Caches;
import dev.pulse.platform.input.JsonBodies;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Server-Sent Events side of notifications: one broadcaster for every open {@code /live/stream}
 * on this instance. Each event is {@code event: <name>}, {@code id: <notification id>} and
 * {@code data: {"channel":…,"data":…}}.
 * <p>
 * A change made here is broadcast right after its commit. Changes made on other instances of a
 * cluster reach this instance's clients through a short poll of the notification log (only while
 * someone is subscribed); remembering what was sent keeps each event to one delivery.
 */
@ApplicationScoped
public class LiveStream {

    private static final JsonProvider JSON = JsonBodies.provider();

    private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());
    private static final int REMEMBERED = 10_000;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "PULSE_SSE_POLL", defaultValue = "PT1S")
    Duration pollEvery;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Clock clock;

    private Sse sse;
    private SseBroadcaster broadcaster;
    private ScheduledFuture<?> poll;
    /**
     * Ids of notifications already broadcast, each kept well past the stretch the poll reads back
     * ({@link Notifications#RECENT}), so a notification is never sent twice.
     */
    private Cache<Long, Boolean> sent;

    @PostConstruct
    void rememberSent() {
        sent = Caches.expiringAfterWrite(REMEMBERED, Notifications.RECENT.multipliedBy(4), clock);
    }

    /** Sends what the client missed, then keeps it subscribed. */
    public synchronized void subscribe(Sse sse, SseEventSink sink, List<Notification.Published> missed) {
        if (broadcaster == null) {
            // what happened before anyone listened is for Last-Event-ID replay, not for the poll
            notifications.recent().forEach(n -> sent.put(n.id(), Boolean.TRUE));
            this.sse = sse;
            this.broadcaster = sse.newBroadcaster();
            broadcaster.onError((s, e) -> LOG.log(Level.FINE, "SSE client dropped", e));
            long every = Math.max(100, pollEvery.toMillis());
            poll = executor.scheduleWithFixedDelay(this::pollOtherInstances, every, every, TimeUnit.MILLISECONDS);
        }
        sink.send(sse.newEventBuilder().comment("connected").build());
        for (Notification.Published notification : missed) {
            sink.send(event(notification));
        }
        broadcaster.register(sink);
    }

    /** Broadcasts once: a notification already sent (by commit or by poll) is skipped. */
    public void broadcast(Notification.Published notification) {
        SseBroadcaster target;
        synchronized (this) {
            if (sent.asMap().putIfAbsent(notification.id(), Boolean.TRUE) != null || broadcaster == null) {
                return;
            }
            target = broadcaster;
        }
        target.broadcast(event(notification));
    }

    private void pollOtherInstances() {
        try {
            notifications.recent().forEach(this::broadcast);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the notification log for SSE failed; retrying", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
        if (broadcaster != null) {
            broadcaster.close();
        }
    }

    private OutboundSseEvent event(Notification.Published notification) {
        JsonValue data = JSON.createReader(new StringReader(notification.payload())).readValue();
        String body = JSON.createObjectBuilder().add("channel", notification.channel()).add("data", data).build().toString();
        // text/plain: the JSON is already serialised, no JSON-B writer should quote it again
        return sse.newEventBuilder()
                .id(String.valueOf(notification.id()))
                .name(notification.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, body)
                .build();
    }
}
