package dev.pulse.activity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the {@link ActivityStore} from PULSE_ACTIVITY_STORE: {@code postgres} (default) or {@code datastore}. */
@ApplicationScoped
public class ActivityStores {

    private static final Logger LOG = Logger.getLogger(ActivityStores.class.getName());

    @Resource(lookup = "java:app/jdbc/pulse")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "PULSE_ACTIVITY_STORE", defaultValue = "postgres")
    String kind;

    @Inject
    @ConfigProperty(name = "DATASTORE_PROJECT_ID")
    Optional<String> datastoreProject;

    @Inject
    @ConfigProperty(name = "DATASTORE_EMULATOR_HOST")
    Optional<String> datastoreEmulator;

    @Produces
    @ApplicationScoped
    ActivityStore store() {
        ActivityStore store = switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "postgres", "" -> new PostgresActivityStore(dataSource);
            case "datastore" -> {
                String project = datastoreProject.filter(p -> !p.isBlank()).orElseThrow(() ->
                        new IllegalStateException("PULSE_ACTIVITY_STORE=datastore needs DATASTORE_PROJECT_ID"));
                yield DatastoreActivityStore.connect(project, datastoreEmulator.orElse(null));
            }
            default -> throw new IllegalStateException(
                    "PULSE_ACTIVITY_STORE must be postgres or datastore, not '" + kind + "'");
        };
        LOG.info(() -> "Activity store: " + store.getClass().getSimpleName()
                + datastoreEmulator.filter(h -> store instanceof DatastoreActivityStore).map(h -> " (emulator " + h + ")")
                        .orElse(""));
        return store;
    }

    /** Builds the store at deployment, so that a misconfigured one fails the deployment rather than the first request. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started, ActivityStore store) {
        store.toString(); // a client proxy creates its instance on the first call it forwards
    }
}
