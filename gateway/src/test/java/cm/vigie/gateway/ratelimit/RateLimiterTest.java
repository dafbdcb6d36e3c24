package cm.vigie.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.ratelimit.TokenBucket.Decision;
import cm.vigie.gateway.config.GatewayConfig.RateLimitConfig;

class RateLimiterTest {

    private long now = 0;

    @Test
    void eachOfTwoReplicasGrantsHalfTheBudget() {
        RateLimiter limiter = new RateLimiter(config(2), () -> now);
        for (int i = 0; i < 50; i++) {
            assertTrue(limiter.institution("minsante").allowed());
        }
        Decision refused = limiter.institution("minsante");
        assertFalse(refused.allowed(), "burst 100 over 2 replicas: 50 here");
        assertEquals(50, refused.limit());
        now += 1_000_000_000L;
        int refilled = 0;
        while (limiter.institution("minsante").allowed()) {
            refilled++;
        }
        assertEquals(25, refilled, "50 a second over 2 replicas: 25 a second here");
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.publicClient("198.51.100.7").allowed());
        }
        assertFalse(limiter.publicClient("198.51.100.7").allowed(), "public burst 5 over 2 replicas: 3 here");
    }

    @Test
    void oneReplicaGrantsTheWholeBudget() {
        RateLimiter limiter = new RateLimiter(config(1), () -> now);
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.institution("minsante").allowed());
        }
        assertFalse(limiter.institution("minsante").allowed());
    }

    private static RateLimitConfig config(int replicas) {
        return new RateLimitConfig() {
            public boolean enabled() {
                return true;
            }

            public int replicas() {
                return replicas;
            }

            public double institutionRate() {
                return 50;
            }

            public int institutionBurst() {
                return 100;
            }

            public Map<String, Budget> institutions() {
                return Map.of();
            }

            public double publicRate() {
                return 1;
            }

            public int publicBurst() {
                return 5;
            }
        };
    }
}
