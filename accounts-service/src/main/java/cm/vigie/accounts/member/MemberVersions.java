package cm.vigie.accounts.member;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The version of each member, kept in accounts' database (Keycloak has none), for ETags and If-Match. A member
 * without a row is at version 0.
 */
@ApplicationScoped
class MemberVersions {

    private final EntityManager em;

    MemberVersions(EntityManager em) {
        this.em = em;
    }

    /**
     * Serialises the member changes of one institution until the transaction ends, so that two admins demoting each
     * other at once cannot both pass the last-admin check.
     */
    void lockInstitution(String slug) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "member:" + slug).getSingleResult();
    }

    long current(String slug, String memberId) {
        var rows = em.createNativeQuery("SELECT version FROM member_version WHERE institution_id = ?1 AND member_id = ?2")
                .setParameter(1, slug).setParameter(2, memberId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    long bump(String slug, String memberId) {
        Object version = em.createNativeQuery("""
                INSERT INTO member_version (institution_id, member_id, version, updated_at) VALUES (?1, ?2, 1, ?3)
                ON CONFLICT (institution_id, member_id)
                DO UPDATE SET version = member_version.version + 1, updated_at = excluded.updated_at
                RETURNING version""")
                .setParameter(1, slug).setParameter(2, memberId).setParameter(3, Instant.now()).getSingleResult();
        return ((Number) version).longValue();
    }

    void forget(String slug, String memberId) {
        em.createNativeQuery("DELETE FROM member_version WHERE institution_id = ?1 AND member_id = ?2")
                .setParameter(1, slug).setParameter(2, memberId).executeUpdate();
    }
}
