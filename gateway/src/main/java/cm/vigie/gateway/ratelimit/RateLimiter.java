package cm.vigie.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import cm.vigie.commons.ratelimit.ReplicaShare;
import cm.vigie.commons.ratelimit.TokenBucket;
import cm.vigie.commons.ratelimit.TokenBucket.Decision;
import cm.vigie.gateway.config.GatewayConfig.RateLimitConfig;

/**
 * One bucket per institution (the realm of the verified token) and one per client address on public routes.
 * Budgets live in this gateway's memory: with {@code replicas} gateways each one grants its share of the configured
 * budget ({@link ReplicaShare}, ADR 0032).
 */
public final class RateLimiter {

    private final RateLimitConfig config;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitConfig config, LongSupplier nanoClock) {
        this.config = config;
        this.nanoClock = nanoClock;
    }

    public Decision institution(String realm) {
        RateLimitConfig.Budget budget = config.institutions().get(realm);
        double rate = budget == null ? config.institutionRate() : budget.rate();
        int burst = budget == null ? config.institutionBurst() : budget.burst();
        return take("i:" + realm, rate, burst);
    }

    public Decision publicClient(String address) {
        return take("a:" + address, config.publicRate(), config.publicBurst());
    }

    /** This replica's share of a configured budget. */
    private Decision take(String key, double rate, int burst) {
        int replicas = config.replicas();
        return takeShare(key, ReplicaShare.of(rate, replicas), ReplicaShare.of(burst, replicas));
    }

    /** Forgets buckets that are full again, so that memory follows the active callers, not all callers ever seen. */
    public void evictFull() {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(entry -> entry.getValue().fullAt(now));
    }

    int size() {
        return buckets.size();
    }

    private Decision takeShare(String key, double rate, int burst) {
        long now = nanoClock.getAsLong();
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rate, burst, now)).tryTake(now);
    }
}
