package dev.pulse.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.testing.Api;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's way of running Pulse, for real: the launcher starts embedded PostgreSQL and Payara
 * Micro, stops them in that reverse order on SIGTERM, and a second start on the same data
 * directory sees the first run's accounts and accepts its tokens.
 */
class LauncherIT {

    @Test
    void aRestartOnTheSameDataDirectoryKeepsDataAndTokens() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "launcher-data-");
        URL base = new URL("http://localhost:" + LaunchedPulse.httpPort() + "/");

        LaunchedPulse first = LaunchedPulse.start(dataDir, "first", Map.of());
        Api api = new Api(base);
        Api.User user = api.newUser();
        first.stop();
        assertStoppedInOrder(first);

        LaunchedPulse second = LaunchedPulse.start(dataDir, "second", Map.of());
        try {
            Api again = new Api(base);
            assertEquals(user.email(), again.as(again.login(user.email(), "password-123"))
                    .get("/v1/auth/me").then().statusCode(200).extract().path("email"));
            again.as(user.token()).get("/v1/auth/me").then().statusCode(200);
        } finally {
            second.stop();
        }
        assertStoppedInOrder(second);
    }

    private static void assertStoppedInOrder(LaunchedPulse run) {
        List<String> lines = run.output;
        int payara = run.indexOf("[pulse] stopping Payara Micro");
        int postgres = run.indexOf("[pulse] stopping PostgreSQL");
        assertTrue(payara >= 0 && postgres > payara, "Payara must stop before PostgreSQL (exit "
                + run.process.exitValue() + "): " + lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        assertFalse(accepts(run.postgresPort), "PostgreSQL is still listening after the launcher stopped");
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
