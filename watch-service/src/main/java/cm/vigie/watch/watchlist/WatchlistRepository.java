package cm.vigie.watch.watchlist;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.paging.Sorting;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Runs through Hibernate's tenant filter: only the caller's institution's watchlists. */
@ApplicationScoped
public class WatchlistRepository implements PanacheRepositoryBase<Watchlist, UUID> {

    public Optional<Watchlist> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<Watchlist> search(Boolean active, String name, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (active != null) {
            where.append(" and active = :active");
            parameters.and("active", active);
        }
        if (name != null && !name.isBlank()) {
            where.append(" and lower(name) like :name");
            parameters.and("name", "%" + name.toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        return find(where.toString(), sort, parameters);
    }
}
