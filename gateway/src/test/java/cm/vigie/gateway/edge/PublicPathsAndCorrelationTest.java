package cm.vigie.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PublicPathsAndCorrelationTest {

    private final PublicPaths paths = new PublicPaths(List.of("/api/public/**", "/api/watch/sources/*/meta-webhook",
            "/api/plans/calendar/feeds/*.ics"));

    @Test
    void publicPatterns() {
        assertTrue(paths.matches("/api/public"));
        assertTrue(paths.matches("/api/public/verify"));
        assertTrue(paths.matches("/api/watch/sources/1b2c/meta-webhook"));
        assertFalse(paths.matches("/api/publicity"));
        assertFalse(paths.matches("/api/watch/sources//meta-webhook"));
        assertFalse(paths.matches("/api/watch/sources/1/2/meta-webhook"));
        assertFalse(paths.matches("/api/watch/sources/1/meta-webhook/extra"));
        assertFalse(paths.matches("/api/accounts/official"));
        assertTrue(paths.matches("/api/plans/calendar/feeds/k3y.ics"), "a calendar subscription link carries its own secret");
        assertFalse(paths.matches("/api/plans/calendar/feeds/.ics"));
        assertFalse(paths.matches("/api/plans/calendar/feeds/0b8e6a4c"), "revoking a link still needs a token");
    }

    @Test
    void requestIdsAreKeptWhenWellFormed() {
        assertEquals("abc-12345", Correlation.requestId("abc-12345"));
        assertNotEquals("short", Correlation.requestId("short"));
        assertNotEquals("a b c d e f g h", Correlation.requestId("a b c d e f g h"));
        assertEquals(36, Correlation.requestId(null).length());
        java.util.Set<String> generated = new java.util.HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            java.util.UUID id = java.util.UUID.fromString(Correlation.requestId(null));
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            generated.add(id.toString());
        }
        assertEquals(1_000, generated.size());
    }

    @Test
    void traceparentIsValidatedOrCreated() {
        String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertEquals(valid, Correlation.traceparent(valid));
        assertFalse(Correlation.validTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        assertFalse(Correlation.validTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        String created = Correlation.traceparent("garbage");
        assertTrue(Correlation.validTraceparent(created), created);
    }
}
