package dev.pulse.platform.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How Pulse runs Payara Micro: the one command line (JVM flags, pre-boot commands) and the one
 * meaning of "ready". The launcher and the integration-test server both use it, so tests run the
 * WAR exactly as production does.
 */
public final class PayaraMicro {

    private PayaraMicro() {
    }

    /**
     * {@code java -jar payara-micro.jar --deploy WAR --port PORT} with Pulse's JVM flags; the heap is
     * {@code PULSE_HEAP} (1g), clustering is off unless {@code PULSE_CLUSTER=true}, and the pre-boot
     * commands in {@code payara/pre-boot-commands.asadmin} apply when run from the project folder.
     */
    public static List<String> command(Path war, Path microJar, int port) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + PulseLauncher.setting("PULSE_HEAP", "1g"),
                // name the JSON-P provider: otherwise every Json.create* (MP JWT parses each token with
                // it) runs a ServiceLoader scan over every jar of the WAR
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                "-jar", microJar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--port", Integer.toString(port)));
        if (!"true".equalsIgnoreCase(PulseLauncher.setting("PULSE_CLUSTER", "false"))) {
            command.add("--nocluster");
        }
        Path preBoot = Path.of("payara", "pre-boot-commands.asadmin");
        if (Files.isRegularFile(preBoot)) {
            command.addAll(List.of("--prebootcommandfile", preBoot.toAbsolutePath().toString()));
        }
        return command;
    }

    /**
     * Waits until our own "database" check is in /health/ready and UP (Payara alone answers UP with
     * no checks); false when the server ended or the timeout passed first.
     */
    public static boolean awaitReady(Process server, int port, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }
}
