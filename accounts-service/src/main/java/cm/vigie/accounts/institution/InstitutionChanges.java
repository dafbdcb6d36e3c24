package cm.vigie.accounts.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cm.vigie.commons.cluster.ClusterChanges;

/**
 * The version of the institution directory (topic {@value #TOPIC}, scope {@link ClusterChanges#ALL}): bumped and
 * announced in the transaction of every change the directory shows (onboarding, status, quotas). The replicas of
 * accounts-service follow the announcement; the other services poll the version (ADR 0029).
 */
@ApplicationScoped
public class InstitutionChanges {

    public static final String TOPIC = "institutions";

    private final ClusterChanges changes;
    private final EntityManager entityManager;

    InstitutionChanges(ClusterChanges changes, EntityManager entityManager) {
        this.changes = changes;
        this.entityManager = entityManager;
    }

    /** In the caller's transaction. */
    void announce() {
        changes.announce(TOPIC, ClusterChanges.ALL);
    }

    /** The directory's current version; 0 before its first change. */
    long version() {
        Object version = entityManager.createNativeQuery(
                "SELECT coalesce(max(version), 0) FROM change_version WHERE topic = ?1 AND institution_id = ?2")
                .setParameter(1, TOPIC).setParameter(2, ClusterChanges.ALL).getSingleResult();
        return ((Number) version).longValue();
    }
}
