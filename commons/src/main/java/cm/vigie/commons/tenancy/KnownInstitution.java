package cm.vigie.commons.tenancy;

import cm.vigie.commons.quota.Quotas;

/**
 * What every service needs to know of an institution: its realm and its status, to accept its tokens, and its
 * quotas (null when the source does not publish them: the configured defaults apply).
 */
public record KnownInstitution(String slug, InstitutionStatus status, Quotas quotas) {

    public KnownInstitution(String slug, InstitutionStatus status) {
        this(slug, status, null);
    }

    public boolean active() {
        return status == InstitutionStatus.ACTIVE;
    }
}
