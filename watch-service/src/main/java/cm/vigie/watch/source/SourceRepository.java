package cm.vigie.watch.source;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.paging.Sorting;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The caller's sources: queries run through Hibernate's tenant filter. */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, UUID> {

    public Optional<Source> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<Source> search(String type, Boolean active, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (type != null) {
            where.append(" and type = :type");
            parameters.and("type", type);
        }
        if (active != null) {
            where.append(" and active = :active");
            parameters.and("active", active);
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        return find(where.toString(), sort, parameters);
    }
}
