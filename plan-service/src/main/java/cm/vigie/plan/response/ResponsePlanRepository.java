package cm.vigie.plan.response;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.paging.Sorting;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Severity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ResponsePlanRepository implements PanacheRepositoryBase<ResponsePlan, UUID> {

    public Optional<ResponsePlan> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<ResponsePlan> search(ItemStatus status, Severity severity, UUID alertId, UUID hoaxId, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (severity != null) {
            where.append(" and severity = :severity");
            parameters.and("severity", severity);
        }
        if (alertId != null) {
            where.append(" and alertId = :alertId");
            parameters.and("alertId", alertId);
        }
        if (hoaxId != null) {
            where.append(" and hoaxId = :hoaxId");
            parameters.and("hoaxId", hoaxId);
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        return find(where.toString(), sort, parameters);
    }

    /** Escalated plans still waiting for approval, oldest escalation first. */
    public List<ResponsePlan> escalated() {
        return list("escalatedAt is not null and status in ?1 order by escalatedAt, id",
                List.of(ItemStatus.DRAFT, ItemStatus.IN_REVIEW));
    }
}
