package cm.vigie.watch.hoax;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.paging.Sorting;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The caller's own hoaxes: queries run through Hibernate's tenant filter. */
@ApplicationScoped
public class HoaxRepository implements PanacheRepositoryBase<Hoax, UUID> {

    public Optional<Hoax> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<Hoax> search(Verdict verdict, Boolean shared, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (verdict != null) {
            where.append(" and verdict = :verdict");
            parameters.and("verdict", verdict);
        }
        if (shared != null) {
            where.append(" and shared = :shared");
            parameters.and("shared", shared);
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        return find(where.toString(), sort, parameters);
    }
}
