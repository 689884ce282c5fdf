package dev.pulse.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PULSE_ACTIVITY_STORE=datastore: a {@link DatastoreActivityStore} for DATASTORE_PROJECT_ID,
 * through the emulator at DATASTORE_EMULATOR_HOST when set. Packaged only by {@code mvn -Pdatastore}.
 */
@ApplicationScoped
@Named(DatastoreActivityStoreFactory.KIND)
public class DatastoreActivityStoreFactory implements ActivityStoreFactory {

    static final String KIND = "datastore";
    private static final Logger LOG = Logger.getLogger(DatastoreActivityStoreFactory.class.getName());

    @Inject
    @ConfigProperty(name = "DATASTORE_PROJECT_ID")
    Optional<String> project;

    @Inject
    @ConfigProperty(name = "DATASTORE_EMULATOR_HOST")
    Optional<String> emulator;

    @Override
    public ActivityStore create() {
        String projectId = project.filter(p -> !p.isBlank()).orElseThrow(() ->
                new IllegalStateException("PULSE_ACTIVITY_STORE=datastore needs DATASTORE_PROJECT_ID"));
        emulator.filter(h -> !h.isBlank()).ifPresent(h -> LOG.info(() -> "Datastore emulator " + h));
        return DatastoreActivityStore.connect(projectId, emulator.orElse(null));
    }
}
