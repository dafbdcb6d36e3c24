package cm.vigie.accounts.verify;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per client address, in memory: each address may make {@code requestsPerMinute} checks in a burst,
 * refilled continuously. Buckets of quiet addresses are dropped when the map grows, so memory stays bounded.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    /** Whether to let a request through, and if not, in how many seconds to retry. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double perNano;

    RateLimiter(VerifyConfig config) {
        this.capacity = config.requestsPerMinute();
        this.perNano = config.requestsPerMinute() / 60_000_000_000.0;
    }

    public Decision acquire(String client) {
        return acquire(client, System.nanoTime());
    }

    Decision acquire(String client, long now) {
        if (buckets.size() > MAX_BUCKETS) {
            evictFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / perNano / 1_000_000_000.0);
            return new Decision(false, Math.max(1, wait));
        }
    }

    private void evictFull(long now) {
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                return b.tokens + (now - b.refilledAt) * perNano >= capacity;
            }
        });
    }
}
