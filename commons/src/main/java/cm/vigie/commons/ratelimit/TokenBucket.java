package cm.vigie.commons.ratelimit;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code rate} tokens per second. One request takes one
 * token. Time is passed in (nanoseconds) so that the arithmetic is testable without waiting.
 */
public final class TokenBucket {

    /** What one attempt decided, with the figures of the {@code RateLimit-*} headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final double ratePerNano;
    private final double rate;
    private final int burst;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.rate = ratePerSecond;
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    public synchronized Decision tryTake(long nowNanos) {
        refill(nowNanos);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        long reset = (long) Math.ceil((burst - tokens) / rate);
        return new Decision(allowed, burst, (int) Math.floor(tokens), reset, retryAfter);
    }

    /** True when the bucket is full again at {@code nowNanos}: forgetting it changes nothing. */
    public synchronized boolean fullAt(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            last = nowNanos;
        }
    }
}
