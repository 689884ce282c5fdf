package dev.pulse.activity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the {@link ActivityStore} from PULSE_ACTIVITY_STORE: {@code postgres} (default) or {@code datastore}. */
@ApplicationScoped
public class ActivityStores {

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
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "postgres", "" -> new PostgresActivityStore(dataSource);
            case "datastore" -> DatastoreActivityStore.connect(datastoreProject.orElse(null),
                    datastoreEmulator.orElse(null));
            default -> throw new IllegalStateException(
                    "PULSE_ACTIVITY_STORE must be postgres or datastore, not '" + kind + "'");
        };
    }
}
