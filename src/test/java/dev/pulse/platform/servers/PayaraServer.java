package dev.pulse.platform.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Server 6, unpacked by Maven into target/payara6: a new domain on its own ports (port base
 * {@code pulse.it.payara.portbase}: admin +48, HTTP +80), started, given target/pulse.war with
 * {@code asadmin deploy}, stopped at the end. The commands are the README's "Deploying".
 */
final class PayaraServer extends DeployedPulse {

    private static final String DOMAIN = "pulse";
    private static final Duration COMMAND_WITHIN = Duration.ofMinutes(8);

    private final Path asadmin;
    private final Path domains;
    private final Path log;
    private final int portBase;
    private boolean started;
    private Duration toReady;

    private PayaraServer(Path home, Path target, int portBase) {
        this.asadmin = home.resolve("bin").resolve("asadmin");
        this.domains = target.resolve("payara-domains");
        this.log = target.resolve("payara-server-it.log");
        this.portBase = portBase;
    }

    static PayaraServer start() throws Exception {
        Path home = home("pulse.it.payara.home");
        PayaraServer server = new PayaraServer(home, home.getParent(),
                Integer.parseInt(System.getProperty("pulse.it.payara.portbase", "19400")));
        try {
            server.createStartDeploy();
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void createStartDeploy() throws Exception {
        Files.deleteIfExists(log);
        if (Files.exists(domains.resolve(DOMAIN))) {
            // a domain an interrupted run left running would hold the ports
            quick(new ProcessBuilder(asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start().waitFor(COMMAND_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
        deleteDomains();
        long begin = System.nanoTime();
        run(log, COMMAND_WITHIN, asadmin("create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase),
                "--domaindir", domains.toString(), DOMAIN));
        started = true;
        run(log, COMMAND_WITHIN, asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN));
        run(log, COMMAND_WITHIN, asadmin("--port", String.valueOf(adminPort()), "deploy", war().toString()));
        awaitReady(healthUrl(), READY_WITHIN);
        toReady = Duration.ofNanos(System.nanoTime() - begin);
    }

    @Override
    Optional<ProcessHandle> jvm() {
        try {
            Path pid = domains.resolve(DOMAIN).resolve("config").resolve("pid");
            return Files.exists(pid) ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private List<String> asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false", "--user", "admin"));
        command.addAll(List.of(arguments));
        return command;
    }

    private int adminPort() {
        return portBase + 48;
    }

    @Override
    String baseUrl() {
        return "http://localhost:" + (portBase + 80) + "/";
    }

    @Override
    String healthUrl() {
        return baseUrl();
    }

    @Override
    public void close() throws Exception {
        if (started) {
            started = false;
            if (toReady != null) {
                report("Payara Server", toReady, jvm());
            }
            run(log, COMMAND_WITHIN, asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN));
        }
    }

    private void deleteDomains() throws Exception {
        if (Files.exists(domains)) {
            try (Stream<Path> files = Files.walk(domains)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
