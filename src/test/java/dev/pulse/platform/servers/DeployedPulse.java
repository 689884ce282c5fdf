package dev.pulse.platform.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server other than Payara Micro with the unchanged target/pulse.war deployed, started for one
 * smoke test class against the integration run's PostgreSQL. Its processes inherit the failsafe
 * environment (PULSE_DB_*, PULSE_DATA_DIR and so the JWT keys of the shared Pulse, the admin account).
 */
abstract class DeployedPulse implements AutoCloseable {

    /** Generous: two servers boot beside the shared Pulse and the other tests on a two-core machine. */
    static final Duration READY_WITHIN = Duration.ofMinutes(8);

    /** Where the API answers, e.g. {@code http://localhost:8080/}. */
    abstract String baseUrl();

    /** Where MicroProfile Health answers {@code /health/ready}. */
    abstract String healthUrl();

    /** The server's JVM, while it runs. */
    abstract Optional<ProcessHandle> jvm();

    /** One line for the build log: how long the server took to serve Pulse, and the CPU its JVM used. */
    static void report(String name, Duration toReady, Optional<ProcessHandle> jvm) {
        String cpu = jvm.flatMap(p -> p.info().totalCpuDuration())
                .map(d -> String.format("%.1f s", d.toMillis() / 1e3)).orElse("unknown");
        System.out.printf("[other-servers] %s: Pulse ready %.1f s after start; server JVM CPU %s by the end%n",
                name, toReady.toMillis() / 1e3, cpu);
    }

    /** The unchanged WAR Maven built. */
    static Path war() {
        return Path.of(System.getProperty("pulse.war", "target/pulse.war")).toAbsolutePath();
    }

    static Path home(String property) {
        String home = System.getProperty(property);
        if (home == null) {
            throw new IllegalStateException(property + " is not set: the smoke ITs run in Maven profile other-servers");
        }
        return Path.of(home).toAbsolutePath();
    }

    /**
     * A process whose JVMs, and the server JVMs they start, use the quick-start JIT of the test JVMs
     * (pom.xml's it.quick.jvm): a smoke test's server lives a minute or two, too short for C2 to pay off.
     */
    static ProcessBuilder quick(ProcessBuilder process) {
        process.environment().put("JAVA_TOOL_OPTIONS", System.getProperty("pulse.it.quick.jvm", ""));
        return process;
    }

    /** Runs a command to its end within the bound, its output appended to the log; fails unless it exits 0. */
    static void run(Path log, Duration within, List<String> command) throws IOException, InterruptedException {
        Process process = quick(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            stop(process);
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + within + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** Ends a process and everything it started, politely first. */
    static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
    }

    /** Waits until readiness lists Pulse's own database check as UP (a server alone may answer UP with none). */
    static void awaitReady(String healthUrl, Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(healthUrl + "health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(within);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Pulse was not ready within " + within + ": " + last);
    }
}
