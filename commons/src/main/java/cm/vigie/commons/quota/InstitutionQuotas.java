package cm.vigie.commons.quota;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.commons.tenancy.KnownInstitution;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The limits of an institution, as the institution directory publishes them (so a changed quota applies within the
 * directory's refresh), or the configured defaults when the directory does not say.
 */
@ApplicationScoped
public class InstitutionQuotas {

    private static final Logger LOG = Logger.getLogger(InstitutionQuotas.class);
    private static final long DIRECTORY_WAIT_SECONDS = 3;

    private final InstitutionDirectory directory;
    private final QuotaDefaults defaults;

    InstitutionQuotas(InstitutionDirectory directory, QuotaDefaults defaults) {
        this.directory = directory;
        this.defaults = defaults;
    }

    public Quotas of(String institution) {
        Optional<KnownInstitution> known;
        try {
            known = directory.find(institution).toCompletableFuture().get(DIRECTORY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            known = Optional.empty();
        } catch (Exception e) {
            LOG.warnf("Institution directory did not answer for %s, applying default quotas: %s", institution, e.toString());
            known = Optional.empty();
        }
        return known.map(KnownInstitution::quotas).orElseGet(defaults::quotas);
    }

    public int limit(Quota quota, String institution) {
        return of(institution).limit(quota);
    }

    /**
     * Refuses one more of {@code quota} when the institution already holds its limit. Call inside the transaction
     * that creates, before creating: the count runs under a lock on (institution, quota) held until that transaction
     * ends, so two creations racing at the limit are counted one after the other and cannot both pass.
     */
    public void requireRoom(Quota quota, String institution, LongSupplier count) {
        int limit = limit(quota, institution);
        Panache.getEntityManager()
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "quota:" + quota.key() + ":" + institution)
                .getSingleResult();
        if (count.getAsLong() >= limit) {
            throw new QuotaExceeded(quota, limit);
        }
    }

    /** Refuses when {@code current} (counted by the caller, without a lock) has already reached the limit. */
    public void requireBelow(Quota quota, String institution, long current) {
        int limit = limit(quota, institution);
        if (current >= limit) {
            throw new QuotaExceeded(quota, limit);
        }
    }
}
