package cm.vigie.accounts.official.custodian;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Custodians whose membership of the institution ended. Native SQL with the institution stated, because the member's
 * deactivation is observed after the members API's commit, where the tenant of the session is not guaranteed to be
 * that institution.
 */
@ApplicationScoped
public class FormerCustodians {

    /** An official account that a user holds the keys of. */
    public record HeldPage(UUID accountId, String platform, String handle, String displayName, CustodianRole role) {
    }

    private final EntityManager entities;

    FormerCustodians(EntityManager entities) {
        this.entities = entities;
    }

    /** Marks every custodian row of that user in the institution; answers how many pages they held. */
    public int markFormer(String institution, String userName, String reason, Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery("""
                UPDATE official_account_custodian SET former_member_since = ?1, former_member_reason = ?2
                WHERE institution_id = ?3 AND lower(user_name) = lower(?4) AND former_member_since IS NULL""")
                .setParameter(1, since).setParameter(2, reason).setParameter(3, institution).setParameter(4, userName)
                .executeUpdate());
    }

    /** The official accounts the user is a custodian of, by platform and handle. */
    @SuppressWarnings("unchecked")
    public List<HeldPage> pagesOf(String institution, String userName) {
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> entities.createNativeQuery("""
                SELECT a.id, a.platform, a.handle, a.display_name, c.role
                FROM official_account_custodian c JOIN official_account a ON a.id = c.account_id
                WHERE c.institution_id = ?1 AND lower(c.user_name) = lower(?2)
                ORDER BY a.platform, a.handle""")
                .setParameter(1, institution).setParameter(2, userName).getResultList());
        return rows.stream().map(r -> new HeldPage((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                CustodianRole.valueOf((String) r[4]))).toList();
    }
}
