package dev.pulse.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static ClientAddress trusting(String proxies) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = Optional.ofNullable(proxies);
        address.prepare();
        return address;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.4", trusting(null).of("198.51.100.4", "203.0.113.9"));
    }

    @Test
    void aTrustedProxyGivesWayToTheHopItReports() {
        ClientAddress address = trusting("127.0.0.1, 10.0.0.0/8");
        assertEquals("203.0.113.9", address.of("127.0.0.1", "203.0.113.9"));
        assertEquals("203.0.113.9", address.of("127.0.0.1", "192.0.2.1, 203.0.113.9, 10.1.2.3"),
                "read from the right: the first untrusted hop, not what the client prepended");
        assertEquals("198.51.100.4", address.of("198.51.100.4", "203.0.113.9"), "an untrusted peer's header is ignored");
        assertEquals("10.9.9.9", address.of("127.0.0.1", "10.9.9.9, 10.1.2.3"), "all trusted: the leftmost");
    }

    @Test
    void aHopThatIsNoAddressStopsTheWalkAndIsNeverLookedUp() {
        ClientAddress address = trusting("127.0.0.1");
        assertEquals("127.0.0.1", address.of("127.0.0.1", "example.com"));
        assertEquals("127.0.0.1", address.of("127.0.0.1", "a.b"));
        assertEquals("127.0.0.1", address.of("127.0.0.1", ""));
        assertEquals("127.0.0.1", address.of("127.0.0.1", "999.1.1.1"));
    }

    @Test
    void ipv6AddressesAreNormalisedAndMatchedByBlock() {
        ClientAddress address = trusting("::1, 2001:db8::/32");
        assertEquals("2001:db8:0:0:0:0:0:7", address.of("0:0:0:0:0:0:0:1", "2001:db8::7"));
        assertEquals("2001:db9:0:0:0:0:0:1", address.of("2001:db8::5", "2001:db9::1"));
    }

    @Test
    void aBadSettingFailsAtStart() {
        assertThrows(IllegalArgumentException.class, () -> trusting("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
    }
}
