package cm.vigie.accounts.official.verification;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Tenant-filtered: an institution only sees its own claims. The operators' queue reads with {@link VerificationQueue}. */
@ApplicationScoped
public class VerificationClaimRepository implements PanacheRepositoryBase<VerificationClaim, UUID> {

    public Optional<VerificationClaim> findByAccount(UUID accountId) {
        return find("accountId", accountId).firstResultOptional();
    }
}
