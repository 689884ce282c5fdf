package dev.pulse.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How big groups may grow, from configuration (environment variables of the same names). */
@ApplicationScoped
public class GroupLimits {

    @Inject
    @ConfigProperty(name = "PULSE_GROUPS_MAX_PER_USER", defaultValue = "50")
    int groupsPerUser;

    @Inject
    @ConfigProperty(name = "PULSE_GROUP_MAX_MEMBERS", defaultValue = "150")
    int membersPerGroup;

    @Inject
    @ConfigProperty(name = "PULSE_GROUP_MAX_ACTIVITIES", defaultValue = "20")
    int activitiesPerGroup;

    /** Groups one account may have created (and not deleted); groups it was added to do not count. */
    public int groupsPerUser() {
        return positive("PULSE_GROUPS_MAX_PER_USER", groupsPerUser);
    }

    /** Active members of one group, admins included. */
    public int membersPerGroup() {
        return positive("PULSE_GROUP_MAX_MEMBERS", membersPerGroup);
    }

    public int activitiesPerGroup() {
        return positive("PULSE_GROUP_MAX_ACTIVITIES", activitiesPerGroup);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalStateException(name + " must be at least 1, is " + value);
        }
        return value;
    }
}
