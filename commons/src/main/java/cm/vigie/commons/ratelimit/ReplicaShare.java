package cm.vigie.commons.ratelimit;

/**
 * A budget kept in each replica's memory, divided by the replica count so that the whole deployment grants what is
 * configured (ADR 0032). Replicas behind a balancer see about the same share of each caller's requests; a caller
 * pinned to one replica gets that replica's share only, which errs on the strict side. Counts round up (a share is
 * never 0), rates divide exactly.
 */
public final class ReplicaShare {

    private ReplicaShare() {
    }

    /** {@code rate / replicas}; replicas below 1 count as 1. */
    public static double of(double rate, int replicas) {
        return rate / Math.max(1, replicas);
    }

    /** {@code ceil(count / replicas)}, at least 1 when count is (0 stays 0: it means "no cap" or "none" to callers). */
    public static int of(int count, int replicas) {
        if (count <= 0) {
            return count;
        }
        int n = Math.max(1, replicas);
        return Math.max(1, (count + n - 1) / n);
    }
}
