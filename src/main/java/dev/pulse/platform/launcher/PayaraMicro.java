package dev.pulse.platform.launcher;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
     * {@code PULSE_HEAP} (512m), clustering is off unless {@code PULSE_CLUSTER=true} (then as
     * {@link ClusterSettings} say, or an {@link IllegalArgumentException}), and the pre-boot
     * commands in {@code payara/pre-boot-commands.asadmin} apply when run from the project folder.
     */
    public static List<String> command(Path war, Path microJar, int port) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + PulseLauncher.setting("PULSE_HEAP", "512m"),
                // on two cores the serial collector kept the benchmark's rates and left the JVM about
                // 200 MB smaller than G1 (docs/decisions/0008)
                "-XX:+UseSerialGC",
                // name the JSON-P provider: otherwise each lookup by the server itself (JSON-B, JAX-RS's
                // JSON-P readers) runs a ServiceLoader scan over every jar of the WAR; Pulse's own code
                // looks it up once (JsonBodies) and needs no flag
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl"));
        // extra JVM flags, e.g. the test build's quick-start JIT settings; production needs none
        String javaOptions = PulseLauncher.setting("PULSE_JAVA_OPTS", "");
        if (!javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar", microJar.toAbsolutePath().toString(),
                "--deploy", war.toAbsolutePath().toString(),
                "--port", Integer.toString(port)));
        // a stable name per instance: Payara's own is random at each start, and it names the member in the grid
        String instanceName = PulseLauncher.setting("PULSE_INSTANCE_NAME", null);
        if (instanceName != null) {
            command.addAll(List.of("--name", instanceName));
        }
        ClusterSettings.from(name -> PulseLauncher.setting(name, null)).ifPresentOrElse(
                cluster -> command.addAll(cluster.payaraArguments()),
                () -> command.add("--nocluster"));
        Path preBoot = Path.of("payara", "pre-boot-commands.asadmin");
        if (Files.isRegularFile(preBoot)) {
            command.addAll(List.of("--prebootcommandfile", preBoot.toAbsolutePath().toString()));
        }
        return command;
    }

    /**
     * The Payara Micro process of {@link #command}, with glibc held to two malloc arenas: by default
     * each of Payara's many threads may get its own, which made resident memory grow by hundreds of
     * megabytes under load for no gain (docs/decisions/0008).
     */
    public static ProcessBuilder process(Path war, Path microJar, int port) {
        ProcessBuilder builder = new ProcessBuilder(command(war, microJar, port));
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        return builder;
    }

    /**
     * Waits until our own "database" check is in /health/ready and UP (Payara alone answers UP with
     * no checks); false when the server ended or the timeout passed first.
     */
    public static boolean awaitReady(Process server, int port, Duration timeout) throws InterruptedException {
        // a blocking send() was seen waiting long past its request timeout on a server still starting,
        // so the launcher never reported ready: plain HTTP/1.1 (no h2c upgrade) and our own bound per attempt
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(ready, HttpResponse.BodyHandlers.ofString());
            try {
                HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
                if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                    return true;
                }
            } catch (ExecutionException | TimeoutException e) {
                answer.cancel(true); // not listening yet, or too slow to answer: ask again
            }
            Thread.sleep(250);
        }
        return false;
    }
}
