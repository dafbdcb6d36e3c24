package cm.vigie.commons.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.ratelimit.TokenBucket.Decision;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketGrantsItsBurstThenRefusesWithRetryAfter() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertEquals(new Decision(true, 3, 2, 1, 0), bucket.tryTake(0));
        assertTrue(bucket.tryTake(0).allowed());
        Decision last = bucket.tryTake(0);
        assertTrue(last.allowed());
        assertEquals(0, last.remaining());
        assertEquals(2, last.resetSeconds()); // 3 tokens at 2/s
        Decision refused = bucket.tryTake(0);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void tokensComeBackAtTheRateButNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertFalse(bucket.tryTake(SECOND / 2).allowed());
        assertTrue(bucket.tryTake(SECOND).allowed());
        assertTrue(bucket.fullAt(100 * SECOND));
        assertEquals(1, bucket.tryTake(100 * SECOND).remaining());
    }

    @Test
    void aSlowRateAsksToWaitLonger() {
        TokenBucket bucket = new TokenBucket(0.1, 1, 0);
        bucket.tryTake(0);
        assertEquals(10, bucket.tryTake(0).retryAfterSeconds());
    }
}
