package dev.pulse.platform.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WildFly, provisioned by wildfly-maven-plugin into target/wildfly: target/pulse.war copied into its
 * deployments folder, the server started on the ports Maven reserved (HTTP, management), stopped at
 * the end. MicroProfile Health answers on the management port. The commands are the README's
 * "Deploying".
 */
final class WildFly extends DeployedPulse {

    private final Path home;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private Process server;
    private Duration toReady;

    private WildFly(Path home, int httpPort, int managementPort) {
        this.home = home;
        this.log = home.getParent().resolve("wildfly-it.log");
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    static WildFly start() throws Exception {
        WildFly server = new WildFly(home("pulse.it.wildfly.home"),
                Integer.parseInt(System.getProperty("pulse.it.wildfly.http.port")),
                Integer.parseInt(System.getProperty("pulse.it.wildfly.management.port")));
        try {
            server.deployAndStart();
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void deployAndStart() throws Exception {
        Path standalone = home.resolve("standalone");
        // a fresh server each run: no deployment, timer store or state left by an earlier one
        for (String dir : List.of("data", "tmp", "log")) {
            delete(standalone.resolve(dir));
        }
        Path deployments = standalone.resolve("deployments");
        try (Stream<Path> old = Files.list(deployments)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("pulse.war")).toList()) {
                Files.delete(p);
            }
        }
        Files.copy(war(), deployments.resolve("pulse.war"), StandardCopyOption.REPLACE_EXISTING);
        long begin = System.nanoTime();
        ProcessBuilder builder = quick(new ProcessBuilder(home.resolve("bin").resolve("standalone.sh").toString(),
                "-Djboss.http.port=" + httpPort,
                "-Djboss.management.http.port=" + managementPort,
                // HTTPS is not used; moved beside the HTTP port so it collides with nothing
                "-Djboss.https.port=" + (httpPort + 1)));
        // standalone.sh passes SIGTERM on to the server and waits for it
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        server = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitDeployed(deployments, READY_WITHIN);
        awaitReady(healthUrl(), READY_WITHIN);
        toReady = Duration.ofNanos(System.nanoTime() - begin);
    }

    @Override
    Optional<ProcessHandle> jvm() {
        // standalone.sh runs the server's JVM as its child
        return server == null ? Optional.empty()
                : server.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst();
    }

    /** The deployment scanner leaves pulse.war.deployed or pulse.war.failed beside the WAR. */
    private void awaitDeployed(Path deployments, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            if (Files.exists(deployments.resolve("pulse.war.failed"))) {
                throw new IllegalStateException("WildFly failed to deploy pulse.war; see " + log);
            }
            if (Files.exists(deployments.resolve("pulse.war.deployed"))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("WildFly did not deploy pulse.war within " + within + "; see " + log);
    }

    @Override
    String baseUrl() {
        return "http://localhost:" + httpPort + "/";
    }

    @Override
    String healthUrl() {
        return "http://localhost:" + managementPort + "/";
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            if (toReady != null) {
                report("WildFly", toReady, jvm());
            }
            stop(server);
            server = null;
        }
    }

    private static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
