package cm.vigie.accounts.verify;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.ratelimit.ReplicaShare;
import cm.vigie.commons.ratelimit.TokenBucket;
import cm.vigie.commons.ratelimit.TokenBucket.Decision;

/**
 * A token bucket per client address, in memory: each address may make {@code requestsPerMinute} checks in a burst,
 * refilled continuously (each of N replicas grants its N-th). Buckets of quiet addresses are dropped when the map grows, so memory stays bounded.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final double perSecond;

    RateLimiter(VerifyConfig config) {
        // budgets in memory: this replica grants its share of the configured one (ADR 0032)
        this.burst = ReplicaShare.of(config.requestsPerMinute(), config.replicas());
        this.perSecond = ReplicaShare.of(config.requestsPerMinute() / 60.0, config.replicas());
    }

    public Decision acquire(String client) {
        return acquire(client, System.nanoTime());
    }

    Decision acquire(String client, long now) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.entrySet().removeIf(entry -> entry.getValue().fullAt(now));
        }
        return buckets.computeIfAbsent(client, c -> new TokenBucket(perSecond, burst, now)).tryTake(now);
    }
}
