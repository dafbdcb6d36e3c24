package cm.vigie.accounts.person;

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
public class ProtectedPersonRepository implements PanacheRepositoryBase<ProtectedPerson, UUID> {

    public Optional<ProtectedPerson> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<ProtectedPerson> search(String name, Sorting sorting) {
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        if (name == null || name.isBlank()) {
            return findAll(sort);
        }
        return find("lower(fullName) like :name escape '\\'", sort,
                Parameters.with("name", "%" + name.strip().toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"));
    }
}
