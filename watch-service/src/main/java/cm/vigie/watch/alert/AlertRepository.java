package cm.vigie.watch.alert;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.paging.Sorting;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Runs through Hibernate's tenant filter: only the caller's institution's alerts. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    public Optional<Alert> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<Alert> search(AlertFilter filter, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.status != null) {
            where.append(" and status = :status");
            parameters.and("status", filter.status);
        }
        if (filter.ruleType != null) {
            where.append(" and ruleType = :ruleType");
            parameters.and("ruleType", filter.ruleType);
        }
        if (filter.minSeverity != null) {
            where.append(" and severity in :severities");
            parameters.and("severities", java.util.Arrays.stream(Severity.values()).filter(s -> s.atLeast(filter.minSeverity)).toList());
        }
        if (filter.watchlistId != null) {
            where.append(" and watchlistId = :watchlistId");
            parameters.and("watchlistId", filter.watchlistId);
        }
        if (filter.hoaxId != null) {
            where.append(" and hoaxId = :hoaxId");
            parameters.and("hoaxId", filter.hoaxId);
        }
        if (filter.exerciseId != null) {
            where.append(" and exerciseId = :exerciseId");
            parameters.and("exerciseId", filter.exerciseId);
        }
        if (filter.from != null) {
            where.append(" and createdAt >= :from");
            parameters.and("from", filter.from);
        }
        if (filter.to != null) {
            where.append(" and createdAt < :to");
            parameters.and("to", filter.to);
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        return find(where.toString(), sort, parameters);
    }
}
