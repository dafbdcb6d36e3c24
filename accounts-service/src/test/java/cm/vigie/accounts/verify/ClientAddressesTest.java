package cm.vigie.accounts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.ratelimit.TokenBucket;

class ClientAddressesTest {

    static VerifyConfig config(int perMinute, String... trusted) {
        return config(perMinute, 1, trusted);
    }

    static VerifyConfig config(int perMinute, int replicas, String... trusted) {
        return new VerifyConfig() {
            public int requestsPerMinute() {
                return perMinute;
            }

            public int replicas() {
                return replicas;
            }

            public int maxAgeSeconds() {
                return 300;
            }

            public int maxResemblances() {
                return 5;
            }

            public List<String> trustedProxies() {
                return List.of(trusted);
            }
        };
    }

    @Test
    void onlyTrustedProxiesMayNameTheClient() {
        ClientAddresses addresses = new ClientAddresses(config(30, "10.0.0.5", "::1"));
        assertEquals("198.51.100.1", addresses.of("198.51.100.1", List.of("1.2.3.4")), "an untrusted peer is the client");
        assertEquals("1.2.3.4", addresses.of("10.0.0.5", List.of("1.2.3.4")));
        assertEquals("5.6.7.8", addresses.of("10.0.0.5", List.of("9.9.9.9, 5.6.7.8")), "rightmost untrusted hop");
        assertEquals("5.6.7.8", addresses.of("[::1]", List.of("9.9.9.9", "5.6.7.8, 10.0.0.5")));
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", null));
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", List.of(" , ")));
    }

    @Test
    void aBucketAllowsItsBurstThenRefills() {
        RateLimiter limiter = new RateLimiter(config(3));
        long t = 0;
        assertTrue(limiter.acquire("a", t).allowed());
        assertTrue(limiter.acquire("a", t).allowed());
        assertTrue(limiter.acquire("a", t).allowed());
        TokenBucket.Decision refused = limiter.acquire("a", t);
        assertFalse(refused.allowed());
        assertEquals(20, refused.retryAfterSeconds());
        assertTrue(limiter.acquire("b", t).allowed(), "another address has its own bucket");
        assertFalse(limiter.acquire("a", t + 19_000_000_000L).allowed());
        assertTrue(limiter.acquire("a", t + 20_000_000_000L).allowed());
    }

    @Test
    void eachReplicaGrantsItsShareOfTheBudget() {
        // 30 a minute over 3 replicas: 10 at once here, refilled at 10 a minute
        RateLimiter limiter = new RateLimiter(config(30, 3));
        long t = 0;
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.acquire("a", t).allowed());
        }
        TokenBucket.Decision refused = limiter.acquire("a", t);
        assertFalse(refused.allowed());
        assertEquals(10, refused.limit());
        assertEquals(6, refused.retryAfterSeconds());
        assertTrue(limiter.acquire("a", t + 6_000_000_000L).allowed());
    }

    @Test
    void odditiesCitizensPasteAreUnderstood() {
        var c = VerifyService.understand(null, null, "https://www.tiktok.com/@MinSante.CM?lang=fr&is_from_webapp=1");
        assertEquals(cm.vigie.accounts.official.Platform.TIKTOK, c.platform());
        assertEquals("minsante.cm", c.handle());
        c = VerifyService.understand("twitter", " @MinSante_CM\u200B ", null);
        assertEquals(cm.vigie.accounts.official.Platform.X, c.platform());
        assertEquals("minsante_cm", c.handle());
        c = VerifyService.understand(null, "t.me/minsante_cm", null);
        assertEquals(cm.vigie.accounts.official.Platform.TELEGRAM, c.platform());
    }
}
