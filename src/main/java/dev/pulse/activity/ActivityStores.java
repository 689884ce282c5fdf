package dev.pulse.activity;

import dev.pulse.platform.metrics.Meter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the {@link ActivityStore} from PULSE_ACTIVITY_STORE: {@code postgres} (default) or
 * {@code datastore}. Stores other than Postgres come from an {@link ActivityStoreFactory} bean of
 * that name, which only a WAR built with {@code mvn -Pdatastore} contains.
 */
@ApplicationScoped
public class ActivityStores {

    private static final Logger LOG = Logger.getLogger(ActivityStores.class.getName());

    @Resource(lookup = "java:app/jdbc/pulse")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "PULSE_ACTIVITY_STORE", defaultValue = "postgres")
    String kind;

    @Inject
    @Any
    Instance<ActivityStoreFactory> factories;

    @Inject
    Meter meter;

    @Produces
    @ApplicationScoped
    ActivityStore store() {
        ActivityStore store = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "postgres", "" -> new PostgresActivityStore(dataSource, meter);
            case "datastore" -> {
                Instance<ActivityStoreFactory> datastore = factories.select(NamedLiteral.of("datastore"));
                if (!datastore.isResolvable()) {
                    throw new IllegalStateException("PULSE_ACTIVITY_STORE=datastore, but this WAR was built without the"
                            + " Datastore store: build it with mvn -Pdatastore package");
                }
                yield datastore.get().create();
            }
            default -> throw new IllegalStateException(
                    "PULSE_ACTIVITY_STORE must be postgres or datastore, not '" + kind + "'");
        };
        LOG.info(() -> "Activity store: " + store.getClass().getSimpleName());
        return store;
    }

    /** Builds the store at deployment, so that a misconfigured one fails the deployment rather than the first request. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started, ActivityStore store) {
        store.toString(); // a client proxy creates its instance on the first call it forwards
    }
}
