package cm.vigie.devstack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void rejectsWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("launch")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--gatway-port=1")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("--gateway-port")));
        assertThrows(IllegalArgumentException.class, () -> PlatformArgs.parse(List.of("up", "status")));
    }
}
