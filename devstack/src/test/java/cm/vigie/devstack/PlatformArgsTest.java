package cm.vigie.devstack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformArgsTest {

    @Test
    void commandDefaultsToUp() {
        assertEquals(new PlatformArgs("up", Map.of()), PlatformArgs.parse(List.of()));
        assertEquals("up", PlatformArgs.parse(List.of("--gateway-port", "9000")).command());
    }

    @Test
    void flagsTakeTheirValueAfterEqualsOrAsTheNextArgument() {
        PlatformArgs args = PlatformArgs.parse(
                List.of("status", "--gateway-port=9000", "--repo-root", "/tmp/vigie", "--postgres-port", "5433"));
        assertEquals("status", args.command());
        assertEquals(Map.of("--gateway-port", "9000", "--repo-root", "/tmp/vigie", "--postgres-port", "5433"),
                args.flags());
    }

    @Test
    void noDemoIsASwitchWithoutValue() {
        PlatformArgs args = PlatformArgs.parse(List.of("up", "--no-demo", "--gateway-port", "9000"));
        assertTrue(args.has(PlatformArgs.NO_DEMO));
        assertEquals(Map.of("--no-demo", "true", "--gateway-port", "9000"), args.flags());
        // a switch never swallows the next argument
        PlatformArgs before = PlatformArgs.parse(List.of("--no-demo", "up"));
        assertEquals("up", before.command());
        assertTrue(before.has(PlatformArgs.NO_DEMO));
        assertFalse(PlatformArgs.parse(List.of("up")).has(PlatformArgs.NO_DEMO));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--no-demo=yes")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--nodemo")));
    }

    @Test
    void replicasNameServicesByModuleOrShortName() {
        PlatformArgs args = PlatformArgs.parse(List.of("up", "--replicas", "watch-service=2,gateway=3"));
        assertEquals(Map.of(ServiceModule.WATCH, 2, ServiceModule.GATEWAY, 3), args.replicas());
        assertEquals(Map.of(ServiceModule.PLAN, 2), PlatformArgs.parse(List.of("--replicas=plan=2")).replicas());
        assertEquals(Map.of(), PlatformArgs.parse(List.of("up")).replicas());
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--replicas", "watch-service")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--replicas", "search=2")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--replicas", "watch=0")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--replicas", "watch=10")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--replicas", "watch=two")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--replicas", "watch=2,watch-service=3")));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("launch")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--gatway-port=1")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--gateway-port")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("up", "status")));
    }
}
