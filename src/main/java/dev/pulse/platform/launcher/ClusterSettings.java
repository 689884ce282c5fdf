package dev.pulse.platform.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * How a launched Payara Micro joins the data grid, or that it joins none. A cluster is never found by
 * multicast: it needs a name, a password and the list of its members (TCP/IP discovery).
 *
 * <p>Payara Micro 6's Hazelcast (open source) has no member authentication, so the password is folded
 * into the data-grid name: a JVM without it announces another name and is refused at join. That keeps
 * strangers and stray test JVMs out; it is not encryption, so the data-grid port still belongs on a
 * private network (docs/decisions/0015).
 */
public record ClusterSettings(String name, String password, List<String> members, OptionalInt dataGridPort) {

    /** {@code host:port}, the host a name, IPv4 address or bracketed IPv6 address. */
    private static final Pattern MEMBER = Pattern.compile("(?:[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MIN_PASSWORD_LENGTH = 16;

    public ClusterSettings {
        members = List.copyOf(members);
    }

    /**
     * The settings named by {@code PULSE_CLUSTER}, {@code PULSE_CLUSTER_NAME}, {@code PULSE_CLUSTER_PASSWORD},
     * {@code PULSE_CLUSTER_MEMBERS} and {@code PULSE_CLUSTER_PORT} (this instance's data-grid port, Payara's
     * 5900 when unset); empty when clustering is off.
     *
     * @throws IllegalArgumentException naming every missing or malformed setting
     */
    public static Optional<ClusterSettings> from(UnaryOperator<String> setting) {
        if (!"true".equalsIgnoreCase(setting.apply("PULSE_CLUSTER"))) {
            return Optional.empty();
        }
        String name = setting.apply("PULSE_CLUSTER_NAME");
        String password = setting.apply("PULSE_CLUSTER_PASSWORD");
        String memberList = setting.apply("PULSE_CLUSTER_MEMBERS");
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("PULSE_CLUSTER_NAME (letters, digits, '.', '_' or '-', at most 64)");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            problems.add("PULSE_CLUSTER_PASSWORD (at least " + MIN_PASSWORD_LENGTH + " characters)");
        }
        List<String> members = new ArrayList<>();
        if (memberList != null) {
            for (String member : memberList.split(",")) {
                if (!member.isBlank()) {
                    members.add(member.trim());
                }
            }
        }
        if (members.isEmpty() || !members.stream().allMatch(m -> MEMBER.matcher(m).matches())) {
            problems.add("PULSE_CLUSTER_MEMBERS (comma-separated host:port of the data grid, e.g. 10.0.0.5:5900,10.0.0.6:5900)");
        }
        String portSetting = setting.apply("PULSE_CLUSTER_PORT");
        OptionalInt port = OptionalInt.empty();
        if (portSetting != null) {
            port = portNumber(portSetting.trim());
            if (port.isEmpty()) {
                problems.add("PULSE_CLUSTER_PORT (a port number, 1-65535)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("PULSE_CLUSTER=true needs " + String.join(", ", problems)
                    + "; a cluster is never joined by multicast");
        }
        return Optional.of(new ClusterSettings(name, password, members, port));
    }

    private static OptionalInt portNumber(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /**
     * Payara Micro's arguments: the data-grid name that carries the password, TCP/IP discovery, and the
     * data-grid port when one is set (several instances on one host each need their own).
     */
    public List<String> payaraArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--clustername", dataGridName(), "--clustermode", "tcpip:" + String.join(",", members)));
        dataGridPort.ifPresent(port -> arguments.addAll(List.of("--startport", Integer.toString(port))));
        return arguments;
    }

    /** The name plus a digest of name and password: equal on every member that was given both. */
    String dataGridName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((name + '\n' + password).getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "ClusterSettings[name=" + name + ", members=" + members + ", dataGridPort=" + dataGridPort + "]";
    }
}
