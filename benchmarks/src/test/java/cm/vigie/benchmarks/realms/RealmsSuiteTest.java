package cm.vigie.benchmarks.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RealmsSuiteTest {

    @AfterEach
    void clear() {
        System.clearProperty(RealmsSuite.MAX_PROPERTY);
    }

    @Test
    void checkpointsStopAtTheMaximumAndEndOnIt() {
        assertEquals(List.of(1, 50, 100, 200, 300, 400, 500), RealmsSuite.checkpoints(500));
        assertEquals(List.of(1, 50, 75), RealmsSuite.checkpoints(75));
        assertEquals(List.of(1), RealmsSuite.checkpoints(1));
        assertEquals(List.of(1, 50, 100, 200, 300, 400, 500, 600), RealmsSuite.checkpoints(600));
    }

    @Test
    void maxComesFromThePropertyWithinBounds() {
        assertEquals(RealmsSuite.DEFAULT_MAX, RealmsSuite.max());
        System.setProperty(RealmsSuite.MAX_PROPERTY, "20");
        assertEquals(20, RealmsSuite.max());
        System.setProperty(RealmsSuite.MAX_PROPERTY, "0");
        assertThrows(IllegalArgumentException.class, RealmsSuite::max);
        System.setProperty(RealmsSuite.MAX_PROPERTY, "many");
        assertThrows(IllegalArgumentException.class, RealmsSuite::max);
    }

    @Test
    void slugsSortInOnboardingOrderAndFitThePattern() {
        assertEquals("r0001", RealmsSuite.slug(1));
        assertEquals("r0500", RealmsSuite.slug(500));
        assertTrue(RealmsSuite.slug(42).matches("[a-z][a-z0-9-]{1,62}"));
    }

    @Test
    void curveTableHasOneLinePerCheckpointAndDashesWithoutRestart() {
        RealmsSuite.Checkpoint first = new RealmsSuite.Checkpoint(1, 2100, 140, Map.of("keycloak", 500.0, "gateway", 180.0),
                Map.of("keycloak", 70.0, "gateway", 12.0), Map.of("gateway", 3L), Map.of());
        RealmsSuite.Checkpoint restarted = new RealmsSuite.Checkpoint(100, 2500, 150, Map.of("keycloak", 600.0),
                Map.of("keycloak", 90.0), Map.of(), Map.of("keycloak", 42_000.0));
        String table = RealmsSuite.curveTable(List.of(first, restarted));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(2).startsWith("     1   2100 ms  140 ms"), lines.get(2));
        assertTrue(lines.get(2).contains("180/12 3t -"), lines.get(2));
        assertTrue(lines.get(3).contains("600/90 42.0s"), lines.get(3));
    }
}
