package cm.vigie.accounts.institution;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.quota.QuotaDefaults;
import cm.vigie.commons.tenancy.KnownInstitution;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    private final QuotaDefaults quotaDefaults;

    InstitutionRepository(QuotaDefaults quotaDefaults) {
        this.quotaDefaults = quotaDefaults;
    }

    public Optional<Institution> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * Serialises, across replicas, everything that creates or removes the realm of this slug until the caller's
     * transaction ends: an onboarding and the removal of an orphan realm never interleave.
     */
    public void lockSlug(String slug) {
        getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "realm:" + slug).getSingleResult();
    }

    public PanacheQuery<Institution> listSorted(Sorting sorting) {
        return findAll(Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending));
    }

    /**
     * Every institution's realm, status and quotas in force, for the tenancy directory. Runs on background threads too, where
     * Hibernate still needs a request context to resolve the (empty) tenant.
     */
    @Transactional
    @ActivateRequestContext
    public List<KnownInstitution> known() {
        var defaults = quotaDefaults.quotas();
        return listAll().stream()
                .map(i -> new KnownInstitution(i.slug, i.status, QuotaOverrides.effective(i.quotas, defaults)))
                .toList();
    }
}
