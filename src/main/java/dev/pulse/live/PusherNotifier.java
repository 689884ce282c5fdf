package dev.pulse.live;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pusher transport, on when {@code PUSHER_APP_ID}, {@code PUSHER_KEY} and {@code PUSHER_SECRET}
 * are set. {@code PUSHER_HOST} ("host" or "host:port") points it at any Pusher-compatible server
 * (plain HTTP unless {@code PUSHER_ENCRYPTED=true}); otherwise {@code PUSHER_CLUSTER} selects
 * Pusher's cluster. Sends run on the managed executor, retried with backoff, and a failure is a
 * log line, never an API error.
 */
@ApplicationScoped
public class PusherNotifier {

    private static final Logger LOG = Logger.getLogger(PusherNotifier.class.getName());
    static final int ATTEMPTS = 4;

    @Inject
    @ConfigProperty(name = "PUSHER_APP_ID")
    Optional<String> appId;

    @Inject
    @ConfigProperty(name = "PUSHER_KEY")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "PUSHER_SECRET")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "PUSHER_CLUSTER")
    Optional<String> cluster;

    @Inject
    @ConfigProperty(name = "PUSHER_HOST")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "PUSHER_ENCRYPTED")
    Optional<Boolean> encrypted;

    @Resource
    ManagedScheduledExecutorService executor;

    private Pusher pusher;

    @PostConstruct
    void connect() {
        if (appId.isEmpty() || key.isEmpty() || secret.isEmpty()) {
            LOG.info("Pusher is off (PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET not all set); SSE stays on");
            return;
        }
        Pusher client = new Pusher(appId.get(), key.get(), secret.get());
        if (host.isPresent()) {
            client.setHost(host.get());
            client.setEncrypted(encrypted.orElse(false));
        } else {
            cluster.ifPresent(client::setCluster);
            client.setEncrypted(encrypted.orElse(true));
        }
        // the payload is JSON text already: send it as Pusher's data string unchanged
        client.setDataMarshaller(data -> (String) data);
        client.setRequestTimeout(5000);
        this.pusher = client;
        LOG.info(() -> "Pusher is on for app " + appId.get() + host.map(h -> " at " + h).orElse(""));
    }

    @PreDestroy
    void disconnect() {
        if (pusher != null) {
            try {
                pusher.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing the Pusher client", e);
            }
        }
    }

    boolean isOn() {
        return pusher != null;
    }

    void send(Notification.Published notification) {
        if (pusher != null) {
            executor.execute(() -> attempt(notification, 1));
        }
    }

    private void attempt(Notification.Published notification, int attempt) {
        Result result;
        try {
            result = pusher.trigger(notification.channel(), notification.name(), notification.payload());
        } catch (RuntimeException e) {
            result = null;
            LOG.log(Level.FINE, "Pusher call failed", e);
        }
        if (result != null && result.getStatus() == Result.Status.SUCCESS) {
            return;
        }
        String why = result == null ? "exception" : result.getStatus() + " " + result.getMessage();
        if (attempt < ATTEMPTS) {
            long delayMs = 500L << (attempt - 1);
            executor.schedule(() -> attempt(notification, attempt + 1), delayMs, TimeUnit.MILLISECONDS);
        } else {
            LOG.warning(() -> "Pusher did not take notification " + notification.id() + " (" + notification.name()
                    + " on " + notification.channel() + ") after " + ATTEMPTS + " attempts: " + why);
        }
    }
}
