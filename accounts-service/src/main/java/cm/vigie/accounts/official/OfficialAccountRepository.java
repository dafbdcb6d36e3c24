package cm.vigie.accounts.official;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.paging.Sorting;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Queries run through Hibernate's tenant filter: they only ever see the caller's institution. */
@ApplicationScoped
public class OfficialAccountRepository implements PanacheRepositoryBase<OfficialAccount, UUID> {

    public Optional<OfficialAccount> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<OfficialAccount> search(Platform platform, AccountStatus status, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (platform != null) {
            where.append(" and platform = :platform");
            parameters.and("platform", platform);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        return find(where.toString(), sort, parameters);
    }
}
