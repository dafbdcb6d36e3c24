package cm.vigie.commons.tenancy;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Hibernate's tenant for tenant-owned entities ({@code @TenantId institution_id}): the caller's institution,
 * taken from the verified token. Callers without one (operators, internal calls) get a tenant that owns nothing.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class InstitutionTenantResolver implements TenantResolver {

    static final String NO_INSTITUTION = "-";

    private final CurrentInstitution currentInstitution;

    InstitutionTenantResolver(CurrentInstitution currentInstitution) {
        this.currentInstitution = currentInstitution;
    }

    @Override
    public String getDefaultTenantId() {
        return NO_INSTITUTION;
    }

    @Override
    public String resolveTenantId() {
        return currentInstitution.slug().orElse(NO_INSTITUTION);
    }
}
