package cm.vigie.gateway.balancing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cm.vigie.gateway.routing.RouteTable.Instance;

class BalancerTest {

    private static final Instance A = instance(8082);
    private static final Instance B = instance(8092);
    private static final Instance C = instance(8102);
    private long now = 1_000;
    private final Balancer balancer = new Balancer(List.of(A, B, C), Duration.ofSeconds(10), () -> now);

    @Test
    void instancesTakeTurns() {
        List<Instance> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(balancer.choose(List.of()));
        }
        assertEquals(List.of(A, B, C, A, B, C), chosen);
    }

    @Test
    void aRetryGoesToAnInstanceNotTriedYetThenThereIsNone() {
        Instance first = balancer.choose(List.of());
        Instance second = balancer.choose(List.of(first));
        Instance third = balancer.choose(List.of(first, second));
        assertEquals(3, Set.of(first, second, third).size());
        assertNull(balancer.choose(List.of(A, B, C)));
    }

    @Test
    void anEjectedInstanceIsSkippedForAWhileThenTriedAgain() {
        balancer.eject(B);
        assertTrue(balancer.isEjected(B));
        for (int i = 0; i < 6; i++) {
            assertFalse(balancer.choose(List.of()).equals(B));
        }
        now += Duration.ofSeconds(10).toNanos();
        assertFalse(balancer.isEjected(B));
        List<Instance> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(balancer.choose(List.of()));
        }
        assertTrue(chosen.contains(B), "back in turn once its ejection ended");
    }

    @Test
    void anAnswerRestoresAnEjectedInstanceAtOnce() {
        balancer.eject(C);
        balancer.answered(C);
        assertFalse(balancer.isEjected(C));
    }

    @Test
    void whenEveryInstanceIsEjectedTheOneBackFirstIsTried() {
        balancer.eject(A);
        now += 1_000;
        balancer.eject(B);
        balancer.eject(C);
        assertEquals(A, balancer.choose(List.of()));
        assertEquals(B, balancer.choose(List.of(A)));
    }

    @Test
    void oneInstanceIsAPassThroughNeverEjected() {
        Balancer single = new Balancer(List.of(A), Duration.ofSeconds(10), () -> now);
        single.eject(A);
        assertFalse(single.isEjected(A));
        assertEquals(A, single.choose(List.of()));
        assertNull(single.choose(List.of(A)));
    }

    private static Instance instance(int port) {
        return new Instance(URI.create("http://127.0.0.1:" + port), "127.0.0.1", port, false);
    }
}
