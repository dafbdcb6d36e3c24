package cm.vigie.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Map<String, String> SERVICES = Map.of(
            "accounts", "http://127.0.0.1:8081",
            "watch", "http://127.0.0.1:8082",
            "plan", "https://plan.internal");

    private static Optional<String> serviceFor(RouteTable table, String path) {
        return table.lookup(path).map(route -> route.upstream().name());
    }

    @Test
    void aPrefixMatchesItselfAndEverythingBelowButNotALongerName() {
        RouteTable table = RouteTable.of(SERVICES, Map.of("/api/accounts", "accounts"));

        assertEquals(Optional.of("accounts"), serviceFor(table, "/api/accounts"));
        assertEquals(Optional.of("accounts"), serviceFor(table, "/api/accounts/"));
        assertEquals(Optional.of("accounts"), serviceFor(table, "/api/accounts/official/123"));
        assertEquals(Optional.empty(), serviceFor(table, "/api/accountsX"));
        assertEquals(Optional.empty(), serviceFor(table, "/api/account"));
        assertEquals(Optional.empty(), serviceFor(table, "/api"));
        assertEquals(Optional.empty(), serviceFor(table, null));
    }

    @Test
    void theLongestPrefixWins() {
        RouteTable table = RouteTable.of(SERVICES, Map.of(
                "/api", "plan",
                "/api/watch", "watch",
                "/api/watch/hoaxes/shared", "accounts"));

        assertEquals(Optional.of("accounts"), serviceFor(table, "/api/watch/hoaxes/shared/1"));
        assertEquals(Optional.of("watch"), serviceFor(table, "/api/watch/hoaxes/private"));
        assertEquals(Optional.of("watch"), serviceFor(table, "/api/watch"));
        assertEquals(Optional.of("plan"), serviceFor(table, "/api/watchers"));
        assertEquals(Optional.of("plan"), serviceFor(table, "/api"));
        assertEquals(Optional.empty(), serviceFor(table, "/q/health"));
    }

    @Test
    void theRootPrefixMatchesEverything() {
        RouteTable table = RouteTable.of(SERVICES, Map.of("/", "plan", "/api/watch", "watch"));

        assertEquals(Optional.of("plan"), serviceFor(table, "/anything/at/all"));
        assertEquals(Optional.of("watch"), serviceFor(table, "/api/watch/1"));
    }

    @Test
    void aTrailingSlashInTheConfiguredPrefixIsIgnored() {
        RouteTable table = RouteTable.of(SERVICES, Map.of("/api/plans/", "plan"));

        assertEquals("/api/plans", table.routes().get(0).prefix());
        assertEquals(Optional.of("plan"), serviceFor(table, "/api/plans/1"));
        assertEquals(Optional.empty(), serviceFor(table, "/api/plansX"));
    }

    @Test
    void upstreamsKnowHostPortAndScheme() {
        RouteTable table = RouteTable.of(SERVICES, Map.of());

        RouteTable.Upstream accounts = table.upstreams().get("accounts");
        assertEquals("127.0.0.1", accounts.host());
        assertEquals(8081, accounts.port());
        assertEquals(false, accounts.ssl());

        RouteTable.Upstream plan = table.upstreams().get("plan");
        assertEquals("plan.internal", plan.host());
        assertEquals(443, plan.port());
        assertEquals(true, plan.ssl());

        RouteTable.Upstream v6 = RouteTable.of(Map.of("v6", "http://[::1]:9000"), Map.of()).upstreams().get("v6");
        assertEquals("::1", v6.host());
    }

    @Test
    void aServiceMayListSeveralInstancesEachCheckedLikeAUrl() {
        RouteTable table = RouteTable.ofInstances(
                Map.of("watch", java.util.List.of("http://127.0.0.1:8082", "http://127.0.0.1:8092")),
                Map.of("/api/watch", "watch"));
        RouteTable.Upstream watch = table.upstreams().get("watch");
        assertEquals(java.util.List.of(8082, 8092), watch.instances().stream().map(RouteTable.Instance::port).toList());
        assertEquals(8082, watch.port(), "the first instance stands for the service");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.ofInstances(
                Map.of("watch", java.util.List.of("http://127.0.0.1:8082", "http://127.0.0.1:8082", "ftp://x")),
                Map.of("/api/watch", "watch")));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        assertTrue(e.getMessage().contains("'ftp://x'"), e.getMessage());
    }

    @Test
    void aRouteToAnUnknownServiceFailsWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(SERVICES, Map.of("/api/alerts", "alerts")));

        assertTrue(e.getMessage().contains("'/api/alerts'"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown service 'alerts'"), e.getMessage());
        assertTrue(e.getMessage().contains("accounts, plan, watch"), e.getMessage());
    }

    @Test
    void badUrlsAndPrefixesAreAllReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.of(
                Map.of("a", "not a url", "b", "ftp://host:21", "c", "http://host:1/base", "d", "", "e", "localhost:8081"),
                Map.of("api/x", "a", "/api/y?z", "a")));

        String message = e.getMessage();
        assertTrue(message.startsWith("Invalid gateway route table"), message);
        for (String expected : new String[] {"service 'a'", "service 'b'", "service 'c'", "service 'd'", "service 'e'",
                "route 'api/x'", "route '/api/y?z'"}) {
            assertTrue(message.contains(expected), () -> "missing " + expected + " in: " + message);
        }
    }

    @Test
    void twoSpellingsOfOnePrefixAreADuplicate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(SERVICES, Map.of("/api/plans", "plan", "/api/plans/", "watch")));

        assertTrue(e.getMessage().contains("duplicates prefix '/api/plans'"), e.getMessage());
    }
}
