package cm.vigie.gateway.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one upstream. Closed, it lets everything through and counts consecutive failures; at the
 * threshold it opens and refuses at once (the caller answers 503) for {@code openFor}; then one trial request goes
 * through (half-open): its success closes the circuit, its failure opens it again.
 *
 * <p>Every {@link #tryAcquire()} that returned true must be followed by exactly one of {@link #onSuccess()},
 * {@link #onFailure()} or {@link #onAbandoned()}.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, LongSupplier nanoClock) {
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        if (state == State.HALF_OPEN || ++failures >= threshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
        }
    }

    /** The request ended without telling anything about the upstream (client left, body too large). */
    public synchronized void onAbandoned() {
        trialInFlight = false;
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until an open circuit lets a trial through; at least 1. */
    public synchronized long secondsUntilTrial() {
        long left = openForNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (long) Math.ceil(left / 1e9));
    }
}
