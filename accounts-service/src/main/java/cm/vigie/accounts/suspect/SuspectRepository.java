package cm.vigie.accounts.suspect;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.accounts.official.Platform;
import cm.vigie.commons.paging.Sorting;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Queries run through Hibernate's tenant filter: they only ever see the caller's institution. */
@ApplicationScoped
public class SuspectRepository implements PanacheRepositoryBase<SuspectAccount, UUID> {

    public Optional<SuspectAccount> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public Optional<SuspectAccount> findByHandle(Platform platform, String handle) {
        return find("platform = ?1 and handle = ?2", platform, handle).firstResultOptional();
    }

    public List<SuspectAccount> findByHandles(Collection<String> handles) {
        return handles.isEmpty() ? List.of() : list("handle in ?1", handles);
    }

    public PanacheQuery<SuspectAccount> search(SuspectFilter filter, Instant now, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.platform() != null) {
            where.append(" and platform = :platform");
            parameters.and("platform", filter.platform());
        }
        if (filter.personId() != null) {
            where.append(" and personId = :personId");
            parameters.and("personId", filter.personId());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and status = :reported and dueAt < :now"
                    : " and (status <> :reported or dueAt is null or dueAt >= :now)");
            parameters.and("reported", SuspectStatus.REPORTED).and("now", now);
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending,
                Sort.NullPrecedence.NULLS_LAST).and("id");
        return find(where.toString(), sort, parameters);
    }

    public int unlinkPerson(UUID personId) {
        return update("personId = null where personId = ?1", personId);
    }
}
