package dev.pulse.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for throttling: the connection's remote address, unless that is one
 * of {@code PULSE_TRUSTED_PROXIES} (IP addresses or CIDR blocks, comma-separated; none by default). Then
 * {@code X-Forwarded-For} is read from the right, each trusted hop giving way to the one it names, and
 * the first untrusted hop is the client. Without the setting the header is ignored, since anyone can
 * send it. Only IP literals are read, so no name is ever looked up.
 */
@ApplicationScoped
public class ClientAddress {

    /** An IPv4 literal, or an IPv6 one (a colon and nothing but hex digits, colons and dots); never a name. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "PULSE_TRUSTED_PROXIES")
    Optional<String> trustedProxies;

    private List<Block> trusted;

    @PostConstruct
    void prepare() {
        trusted = blocks(trustedProxies.orElse(""));
    }

    /** The current request's client address, normalised (e.g. {@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}). */
    public String current() {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String remote, String forwardedFor) {
        String client = literal(remote).map(InetAddress::getHostAddress).orElse(String.valueOf(remote));
        if (forwardedFor == null || trusted.isEmpty()) {
            return client;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = literal(hops[i].trim());
            if (hop.isEmpty()) {
                break; // a malformed hop: the last trusted proxy is the best we know
            }
            client = hop.get().getHostAddress();
        }
        return client;
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && trusted.stream().anyMatch(b -> b.contains(parsed.get()));
    }

    static List<Block> blocks(String setting) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int slash = e.indexOf('/');
            InetAddress network = literal(slash < 0 ? e : e.substring(0, slash)).orElseThrow(() ->
                    new IllegalArgumentException("PULSE_TRUSTED_PROXIES: not an IP address or CIDR block: " + e));
            int bits = network.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(e.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("PULSE_TRUSTED_PROXIES: bad prefix length in " + e);
            }
            blocks.add(new Block(network.getAddress(), prefix));
        }
        return List.copyOf(blocks);
    }

    private static Optional<InetAddress> literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A network: its address bytes and how many leading bits count. */
    record Block(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int drop = bytes.length * 8 - prefix;
            return new BigInteger(1, bytes).shiftRight(drop).equals(new BigInteger(1, network).shiftRight(drop));
        }
    }
}
