package dev.pulse.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts and measures what Pulse does, for {@code /metrics}. Names are Prometheus style
 * ({@code pulse_requests}; the server adds {@code _total} to counters); tags are name/value pairs.
 * <p>
 * The only class features use: it names no MicroProfile Metrics type, so the WAR deploys on a server
 * without MicroProfile Metrics. There every call does nothing, and that is logged once, when the
 * first metric is recorded.
 */
@ApplicationScoped
public class Meter {

    private static final Logger LOG = Logger.getLogger(Meter.class.getName());

    /** Where metrics go; resolved on first use, since the registry is a bean of the running server. */
    interface Sink {
        void count(String name, long n, String[] tags);

        void sample(String name, long value, String[] tags);
    }

    private static final Sink NONE = new Sink() {
        @Override
        public void count(String name, long n, String[] tags) {
        }

        @Override
        public void sample(String name, long value, String[] tags) {
        }
    };

    private volatile Sink sink;

    /** Adds one to a counter. */
    public void count(String name, String... tags) {
        count(name, 1, tags);
    }

    /** Adds {@code n} (not negative) to a counter; zero still makes the counter visible. */
    public void count(String name, long n, String... tags) {
        checkTags(tags);
        sink().count(name, n, tags);
    }

    /**
     * Records one value in a histogram (a batch size; a duration, in the unit its name ends with: Payara 6
     * reports a timer's quantiles in nanoseconds but its sum in seconds, so durations are histograms too).
     */
    public void sample(String name, long value, String... tags) {
        checkTags(tags);
        sink().sample(name, value, tags);
    }

    private static void checkTags(String[] tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags are name/value pairs: " + String.join(",", tags));
        }
    }

    private Sink sink() {
        Sink s = sink;
        if (s == null) {
            synchronized (this) {
                s = sink;
                if (s == null) {
                    s = resolve();
                    sink = s;
                }
            }
        }
        return s;
    }

    private static Sink resolve() {
        try {
            Sink registry = MicroProfileSink.ofApplicationRegistry();
            if (registry != null) {
                return registry;
            }
            LOG.info("No MicroProfile Metrics registry on this server: application metrics are not recorded");
        } catch (LinkageError | RuntimeException e) {
            LOG.log(Level.INFO, "MicroProfile Metrics is not usable on this server: application metrics are not recorded ("
                    + e + ")");
        }
        return NONE;
    }
}
