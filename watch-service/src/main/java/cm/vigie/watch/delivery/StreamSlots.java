package cm.vigie.watch.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.quota.InstitutionQuotas;
import cm.vigie.commons.quota.Quota;
import cm.vigie.commons.quota.QuotaExceeded;
import cm.vigie.commons.quota.Quotas;

/**
 * Counts the alert streams open on this replica, per institution and per user, against the institution's quotas
 * ({@link Quota#ALERT_STREAMS}, {@link Quota#ALERT_STREAMS_PER_USER}). Counted per replica for now: with n replicas
 * an institution may hold up to n times its quota (docs/adr/0027-institution-quotas.md).
 */
@ApplicationScoped
public class StreamSlots {

    private final InstitutionQuotas quotas;
    private final Map<String, Integer> byInstitution = new ConcurrentHashMap<>();
    private final Map<String, Integer> byUser = new ConcurrentHashMap<>();

    StreamSlots(InstitutionQuotas quotas) {
        this.quotas = quotas;
    }

    /**
     * Takes a slot for one more stream of this user, or answers 429 naming the quota; the returned release gives it
     * back, once however often it is called.
     */
    public Runnable acquire(String institution, String user) {
        Quotas limits = quotas.of(institution);
        String userKey = institution + "/" + user;
        take(byInstitution, institution, Quota.ALERT_STREAMS, limits.alertStreams());
        try {
            take(byUser, userKey, Quota.ALERT_STREAMS_PER_USER, limits.alertStreamsPerUser());
        } catch (QuotaExceeded e) {
            give(byInstitution, institution);
            throw e;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                give(byUser, userKey);
                give(byInstitution, institution);
            }
        };
    }

    int open(String institution) {
        return byInstitution.getOrDefault(institution, 0);
    }

    private static void take(Map<String, Integer> counts, String key, Quota quota, int limit) {
        boolean[] refused = new boolean[1];
        counts.compute(key, (k, held) -> {
            int now = held == null ? 0 : held;
            if (now >= limit) {
                refused[0] = true;
                return held;
            }
            return now + 1;
        });
        if (refused[0]) {
            throw new QuotaExceeded(quota, limit);
        }
    }

    private static void give(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, held) -> held <= 1 ? null : held - 1);
    }
}
