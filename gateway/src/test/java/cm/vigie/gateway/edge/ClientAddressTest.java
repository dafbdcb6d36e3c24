package cm.vigie.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void cidrsHoldTheirAddressesOnly() {
        Cidr pods = Cidr.of("10.244.0.0/16");
        assertTrue(pods.contains("10.244.3.7"));
        assertFalse(pods.contains("10.245.0.1"));
        assertFalse(pods.contains("fd00::1"));
        assertFalse(pods.contains("not-an-address"));
        assertFalse(pods.contains("10.244.3.999"));
        assertTrue(Cidr.of("fd00::/8").contains("fd12:3456::1"));
        assertTrue(Cidr.of("127.0.0.1").contains("127.0.0.1"));
        assertTrue(Cidr.of("0.0.0.0/0").contains("203.0.113.9"));
        assertTrue(pods.contains("::ffff:10.244.1.1"), "an IPv4-mapped IPv6 peer is its IPv4 address");
        assertThrows(IllegalArgumentException.class, () -> Cidr.of("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.of("example.org/8"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.of("10.0.0/8"));
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedPeer() {
        ClientAddress edge = new ClientAddress(List.of(Cidr.of("10.244.0.0/16"), Cidr.of("192.168.1.1")));
        assertEquals("203.0.113.9", edge.of("10.244.0.12", "203.0.113.9"));
        // the right-most untrusted hop is the client; what it claims further left is its own business
        assertEquals("198.51.100.4", edge.of("10.244.0.12", "1.2.3.4, 198.51.100.4, 192.168.1.1"));
        assertEquals("198.51.100.7", edge.of("198.51.100.7", "1.2.3.4"), "an untrusted peer's header is ignored");
        assertEquals("10.244.0.12", edge.of("10.244.0.12", null));
        assertEquals("10.244.0.12", edge.of("10.244.0.12", "garbage"));
        assertEquals("192.168.1.1", edge.of("10.244.0.12", "192.168.1.1"), "only proxies: the left-most is all we know");
        assertEquals("198.51.100.7", new ClientAddress(List.of()).of("198.51.100.7", "1.2.3.4"));
    }
}
