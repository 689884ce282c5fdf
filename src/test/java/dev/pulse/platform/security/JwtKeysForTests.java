package dev.pulse.platform.security;

import java.nio.file.Path;

/** The key pair the integration run's Pulse generated into its data directory (PULSE_DATA_DIR). */
public final class JwtKeysForTests {

    private JwtKeysForTests() {
    }

    public static JwtKeys load() {
        return JwtKeys.load(null, null, Path.of(System.getenv("PULSE_DATA_DIR")));
    }
}
