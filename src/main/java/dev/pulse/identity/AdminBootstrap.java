package dev.pulse.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the platform administrator named by PULSE_ADMIN_EMAIL / PULSE_ADMIN_PASSWORD at start-up, once.
 * Once the account exists, the password is the account's: a different PULSE_ADMIN_PASSWORD is refused
 * with a warning and changes nothing, since the password may have been changed through the API since
 * and a restart must not undo that. Change it with {@code POST /v1/auth/password}, or have another
 * platform administrator reset it ({@code POST /v1/admin/users/{id}/password}).
 */
@Startup
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    static final String PASSWORD_REFUSED = "PULSE_ADMIN_PASSWORD differs from the password of the existing "
            + "platform administrator named by PULSE_ADMIN_EMAIL and was NOT applied: the environment only creates "
            + "that account. Change its password with POST /v1/auth/password, or have another platform administrator "
            + "reset it with POST /v1/admin/users/{id}/password (README, Security).";

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
        switch (accounts.ensurePlatformAdmin(email.get(), password.get())) {
            case CREATED -> LOG.info("Created the platform administrator named by PULSE_ADMIN_EMAIL");
            case PASSWORD_DIFFERS -> LOG.warning(PASSWORD_REFUSED);
            case UNCHANGED -> { }
        }
    }
}
