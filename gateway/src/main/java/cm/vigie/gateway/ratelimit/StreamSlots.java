package cm.vigie.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open streams per institution through this gateway: one institution's flood of streams cannot take the gateway's
 * (or the watch-service's) capacity from the others. In this gateway's memory, like the rate limits (ADR 0004).
 */
public final class StreamSlots {

    private final int maxPerInstitution;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    public StreamSlots(int maxPerInstitution) {
        this.maxPerInstitution = maxPerInstitution;
    }

    /** Takes a slot; false (nothing taken) when the institution already holds its maximum. */
    public boolean tryAcquire(String realm) {
        boolean[] taken = new boolean[1];
        open.compute(realm, (r, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < maxPerInstitution) {
                c.incrementAndGet();
                taken[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return taken[0];
    }

    public void release(String realm) {
        open.computeIfPresent(realm, (r, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    public int open(String realm) {
        AtomicInteger count = open.get(realm);
        return count == null ? 0 : count.get();
    }

    public int max() {
        return maxPerInstitution;
    }
}
