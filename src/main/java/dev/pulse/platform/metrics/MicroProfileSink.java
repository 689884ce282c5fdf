package dev.pulse.platform.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import dev.pulse.platform.cache.Caches;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.AnnotationLiteral;
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@link Meter}'s metrics in the server's MicroProfile Metrics application registry. Loaded only when
 * {@link Meter} first records, so a server without MicroProfile Metrics fails that one lookup, not the
 * deployment.
 */
final class MicroProfileSink implements Meter.Sink {

    /** Few distinct names and tag values; more would mean a tag carries something unbounded, which this caps. */
    private static final long MAX_METRICS = 1_000;

    private final MetricRegistry registry;
    // the registry's own lookup validates and sorts the tags on every call; a handle is looked up once
    private final Cache<Key, Counter> counters = Caches.bounded(MAX_METRICS);
    private final Cache<Key, Histogram> histograms = Caches.bounded(MAX_METRICS);

    private record Key(String name, List<String> tags) {
        Key(String name, String[] tags) {
            this(name, List.of(tags));
        }
    }

    private MicroProfileSink(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The sink over the application registry, or null when the server has none. Looked up by the
     * qualifier {@code @RegistryType(APPLICATION)} first: the unqualified registry (meant for
     * {@code @RegistryScope} injection points) is, on Payara, produced from the injection point's
     * annotations, which a programmatic lookup does not have.
     */
    static MicroProfileSink ofApplicationRegistry() {
        Instance<MetricRegistry> registries = CDI.current().select(MetricRegistry.class, new ApplicationRegistry());
        if (!registries.isResolvable()) {
            registries = CDI.current().select(MetricRegistry.class);
        }
        return registries.isResolvable() ? new MicroProfileSink(registries.get()) : null;
    }

    /** {@code @RegistryType(type = APPLICATION)}; deprecated in MicroProfile Metrics 5, still how Payara 6 names it. */
    @SuppressWarnings("deprecation")
    private static final class ApplicationRegistry extends AnnotationLiteral<RegistryType> implements RegistryType {
        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.APPLICATION;
        }
    }

    @Override
    public void count(String name, long n, String[] tags) {
        counters.get(new Key(name, tags), k -> registry.counter(name, tags(tags))).inc(n);
    }

    @Override
    public void sample(String name, long value, String[] tags) {
        histograms.get(new Key(name, tags), k -> registry.histogram(name, tags(tags))).update(value);
    }

    private static Tag[] tags(String[] pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
