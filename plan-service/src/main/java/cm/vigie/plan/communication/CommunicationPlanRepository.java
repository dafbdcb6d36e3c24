package cm.vigie.plan.communication;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.paging.Sorting;
import cm.vigie.plan.workflow.ItemStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Queries run through Hibernate's tenant filter: they only ever see the caller's institution. */
@ApplicationScoped
public class CommunicationPlanRepository implements PanacheRepositoryBase<CommunicationPlan, UUID> {

    public Optional<CommunicationPlan> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public PanacheQuery<CommunicationPlan> search(ItemStatus status, String text, Sorting sorting) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and lower(title) like :text");
            parameters.and("text", "%" + text.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Sort sort = Sort.by(sorting.property(), sorting.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending)
                .and("id");
        return find(where.toString(), sort, parameters);
    }

    public List<CommunicationPlanRevision> revisions(UUID planId) {
        return getEntityManager().createQuery("from CommunicationPlanRevision where planId = :plan order by number",
                CommunicationPlanRevision.class).setParameter("plan", planId).getResultList();
    }

    public Optional<CommunicationPlanRevision> revision(UUID planId, int number) {
        return getEntityManager().createQuery("from CommunicationPlanRevision where planId = :plan and number = :number",
                CommunicationPlanRevision.class).setParameter("plan", planId).setParameter("number", number)
                .getResultStream().findFirst();
    }

    public void persistRevision(CommunicationPlanRevision revision) {
        getEntityManager().persist(revision);
    }
}
