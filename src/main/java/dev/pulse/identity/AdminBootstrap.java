package dev.pulse.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the platform administrator named by PULSE_ADMIN_EMAIL / PULSE_ADMIN_PASSWORD at start-up, once. */
@Startup
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "PULSE_ADMIN_EMAIL")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "PULSE_ADMIN_PASSWORD")
    Optional<String> password;

    @Inject
    Accounts accounts;

    @PostConstruct
    void createAdministrator() {
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        if (accounts.ensurePlatformAdmin(email.get(), password.get())) {
            LOG.info("Created the platform administrator named by PULSE_ADMIN_EMAIL"); // emails stay out of logs
        }
    }
}
