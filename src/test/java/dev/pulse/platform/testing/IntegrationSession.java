package dev.pulse.platform.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The life of one integration-test run: PostgreSQL starts before the first test; the one Pulse
 * server starts when a test first asks for {@link PulseServer#baseUrl()}; at the end the server
 * stops first, then PostgreSQL. Does nothing in the unit-test run, where the port property is
 * absent. Registered in META-INF/services/org.junit.platform.launcher.LauncherSessionListener.
 */
public class IntegrationSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(IntegrationDatabase.PORT_PROPERTY) != null) {
            IntegrationDatabase.start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            PulseServer.stop();
        } finally {
            IntegrationDatabase.stop();
        }
    }
}
