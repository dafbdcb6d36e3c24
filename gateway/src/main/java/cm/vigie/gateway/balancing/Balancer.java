package cm.vigie.gateway.balancing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

import cm.vigie.gateway.routing.RouteTable.Instance;

/**
 * Spreads one service's requests over its instances in turn and skips an instance that just failed (passive
 * ejection): an instance that refused a connection, or dropped one before answering, gets no request for
 * {@code ejectFor}; then it is tried again, and its first success restores it at once. When every instance is
 * ejected, the one whose ejection ends first is tried anyway: a request refused there costs less than none served.
 *
 * <p>With one instance (Kubernetes: one Service URL, which Kubernetes balances) this is a plain pass-through.
 * Thread-safe and lock-free: event loops call it on every request.
 */
public final class Balancer {

    private final List<Instance> instances;
    private final long ejectForNanos;
    private final LongSupplier nanoClock;
    /** Per instance, when its ejection ends ({@code nanoClock} time); 0 when not ejected. */
    private final AtomicLongArray ejectedUntil;
    private final AtomicInteger turn = new AtomicInteger();

    public Balancer(List<Instance> instances, Duration ejectFor, LongSupplier nanoClock) {
        this.instances = List.copyOf(instances);
        this.ejectForNanos = ejectFor.toNanos();
        this.nanoClock = nanoClock;
        this.ejectedUntil = new AtomicLongArray(this.instances.size());
    }

    public List<Instance> instances() {
        return instances;
    }

    /**
     * The instance for the next attempt of a request that already tried {@code tried}: the next one in turn that is
     * neither tried nor ejected, else the untried one whose ejection ends first; null once every instance was tried.
     */
    public Instance choose(Collection<Instance> tried) {
        int size = instances.size();
        if (size == 1) {
            return tried.isEmpty() ? instances.get(0) : null;
        }
        long now = nanoClock.getAsLong();
        int start = Math.floorMod(turn.getAndIncrement(), size);
        Instance fallback = null;
        long fallbackUntil = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            int index = (start + i) % size;
            Instance candidate = instances.get(index);
            if (tried.contains(candidate)) {
                continue;
            }
            long until = ejectedUntil.get(index);
            if (until == 0 || until - now <= 0) {
                return candidate;
            }
            if (until < fallbackUntil) {
                fallback = candidate;
                fallbackUntil = until;
            }
        }
        return fallback;
    }

    /** The instance refused or dropped a connection: no request goes there for a while. */
    public void eject(Instance instance) {
        int index = instances.indexOf(instance);
        if (index >= 0 && instances.size() > 1) {
            long until = nanoClock.getAsLong() + ejectForNanos;
            ejectedUntil.set(index, until == 0 ? 1 : until);
        }
    }

    /** The instance answered: it takes its turn again at once. */
    public void answered(Instance instance) {
        int index = instances.indexOf(instance);
        if (index >= 0 && ejectedUntil.get(index) != 0) {
            ejectedUntil.set(index, 0);
        }
    }

    /** Whether the instance is ejected now (readiness and tests). */
    public boolean isEjected(Instance instance) {
        int index = instances.indexOf(instance);
        if (index < 0) {
            return false;
        }
        long until = ejectedUntil.get(index);
        return until != 0 && until - nanoClock.getAsLong() > 0;
    }
}
