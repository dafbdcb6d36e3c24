package cm.vigie.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class HeaderRulesTest {

    @Test
    void requestHeadersLoseHopByHopInternalAndConnectionNamedOnesWhateverTheirCase() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer abc")
                .add("ACCEPT", "application/json")
                .add("Accept-Language", "fr")
                .add("Connection", "keep-alive, X-Secret-Hop")
                .add("X-Secret-Hop", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("HOST", "gateway")
                .add("X-Forwarded-For", "6.6.6.6")
                .add("x-REQUEST-id", "forged-id-123")
                .add("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .add("X-Vigie-Service-Key", "forged")
                .add("x-vigie-caller", "forged")
                .add("X-Vigilant", "kept: not the internal prefix");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        HeaderRules.copyRequestHeaders(from, to);
        assertEquals(new TreeSet<>(java.util.List.of("ACCEPT", "Accept-Language", "Authorization", "X-Vigilant")),
                new TreeSet<>(to.names()));
        assertEquals("Bearer abc", to.get("authorization"), "Authorization is forwarded unchanged");
    }

    @Test
    void responseHeadersLoseOnlyHopByHopOnes() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("content-type", "application/json")
                .add("ETag", "\"3\"")
                .add("x-request-id", "kept-from-service")
                .add("connection", "close, x-private")
                .add("X-Private", "1")
                .add("transfer-encoding", "chunked");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        HeaderRules.copyResponseHeaders(from, to);
        assertEquals(new TreeSet<>(java.util.List.of("ETag", "content-type", "x-request-id")), new TreeSet<>(to.names()));
    }

    @Test
    void namesAreFoundWhateverTheirCaseAndOnlyThem() {
        HeaderRules.Names names = new HeaderRules.Names("te", "upgrade", "x-forwarded-host");
        assertTrue(names.contains("TE"));
        assertTrue(names.contains("Upgrade"));
        assertTrue(names.contains("X-Forwarded-HOST"));
        assertFalse(names.contains("tee"));
        assertFalse(names.contains("x-forwarded-hos"));
        assertFalse(names.contains(""));
    }
}
