package cm.vigie.accounts.official.custodian;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Tenant-filtered like every tenant-owned entity. */
@ApplicationScoped
public class CustodianRepository implements PanacheRepositoryBase<Custodian, UUID> {

    /** Owners first, then editors, then backups; by user name within a role. */
    public List<Custodian> ofAccount(UUID accountId) {
        return list("accountId", Sort.by("userName"), accountId).stream()
                .sorted(Comparator.comparing((Custodian c) -> c.role)).toList();
    }

    public List<Custodian> ofAccounts(List<UUID> accountIds) {
        return accountIds.isEmpty() ? List.of() : list("accountId in ?1", accountIds);
    }

    public void deleteOfAccount(UUID accountId) {
        delete("accountId", accountId);
    }
}
