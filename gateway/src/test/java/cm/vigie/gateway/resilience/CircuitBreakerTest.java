package cm.vigie.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import cm.vigie.gateway.resilience.CircuitBreaker.State;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        fail(2);
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess(); // resets the count
        fail(2);
        assertEquals(State.CLOSED, breaker.state());
        fail(1);
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.secondsUntilTrial());
    }

    @Test
    void letsOneTrialThroughAfterTheOpenPeriod() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        assertEquals(State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "one trial at a time");
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
    }

    @Test
    void aFailedTrialOpensAgainAndAnAbandonedOneFreesTheTrial() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.onAbandoned();
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }
}
