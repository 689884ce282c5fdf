package dev.pulse.platform.testing;

import dev.pulse.platform.ProbeResources;
import dev.pulse.platform.launcher.PayaraMicro;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one Pulse that every HTTP-level integration test of a run talks to: the WAR Maven built,
 * plus the test-only {@link ProbeResources}, on Payara Micro started with the launcher's own
 * command line ({@link PayaraMicro#command}), so with production's JVM flags and pre-boot commands.
 * It starts on the first {@link #baseUrl()} and is ready when /health/ready reports the database
 * check; {@link IntegrationSession} stops it at the end of the run. Its configuration is the
 * failsafe environment in pom.xml, which the Payara process inherits; its log is
 * target/pulse-it-server.log.
 */
public final class PulseServer {

    public static final String PORT_PROPERTY = "pulse.it.http.port";
    static final Path LOG = Path.of("target", "pulse-it-server.log");
    // longer than the launcher's five minutes: a build machine shared with other builds boots slowly
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private static Process server;
    private static URL baseUrl;
    private static RuntimeException failure;

    private PulseServer() {
    }

    /** Everything the shared server wrote (its console: server log and request log). */
    public static Path logFile() {
        return LOG;
    }

    /** The server's base URL, e.g. {@code http://localhost:PORT/}; starts the server on first use. */
    public static synchronized URL baseUrl() {
        if (baseUrl == null) {
            if (failure != null) {
                throw failure; // one failed start fails every test at once instead of retrying per class
            }
            try {
                start();
            } catch (Exception e) {
                stop();
                failure = new IllegalStateException("Pulse did not become ready for the integration tests; see " + LOG, e);
                throw failure;
            }
        }
        return baseUrl;
    }

    private static void start() throws Exception {
        String portProperty = System.getProperty(PORT_PROPERTY);
        if (portProperty == null) {
            throw new IllegalStateException(PORT_PROPERTY + " is not set: integration tests run through failsafe (mvn verify)");
        }
        int port = Integer.parseInt(portProperty);
        Path war = testWar();
        Path microJar = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        long started = System.nanoTime();
        server = PayaraMicro.process(war, microJar, port)
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        Process running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(running::destroyForcibly, "pulse-it-server-kill"));
        if (!PayaraMicro.awaitReady(server, port, READY_TIMEOUT)) {
            throw new IllegalStateException(server.isAlive() ? "not ready within " + READY_TIMEOUT
                    : "Payara Micro exited with " + server.exitValue());
        }
        System.out.printf("[pulse-it] Pulse ready on port %d in %.1f s (%s)%n", port,
                (System.nanoTime() - started) / 1e9, war.getFileName());
        baseUrl = url("http://localhost:" + port + "/");
    }

    /** The real WAR plus the probe endpoints, written once to target/pulse-it.war. */
    private static Path testWar() {
        File built = new File(System.getProperty("pulse.war", "target/pulse.war"));
        if (!built.isFile()) {
            throw new IllegalStateException("no WAR at " + built + ": run mvn verify (package comes first)");
        }
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, built)
                .addClass(ProbeResources.class)
                .addClasses(ProbeResources.class.getDeclaredClasses());
        File target = new File(built.getParentFile(), "pulse-it.war");
        war.as(ZipExporter.class).exportTo(target, true);
        return target.toPath();
    }

    static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        } finally {
            server = null;
            baseUrl = null;
        }
    }

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(spec, e);
        }
    }
}
