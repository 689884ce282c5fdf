package dev.pulse.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The processes of a running PostgreSQL cluster: its postmaster (from postmaster.pid) and the postmaster's children. */
final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /** Empty when no postmaster of this data directory is running. */
    static Optional<List<ProcessHandle>> of(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(postmaster -> {
                List<ProcessHandle> all = new ArrayList<>();
                all.add(postmaster);
                all.addAll(postmaster.descendants().toList());
                return all;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a signal (STOP, CONT) to every process of the cluster; kill(1), because Java can only send TERM and KILL. */
    static void signal(Path dataDirectory, String signal) throws IOException, InterruptedException {
        List<ProcessHandle> all = of(dataDirectory).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        all.forEach(p -> command.add(Long.toString(p.pid())));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }
}
