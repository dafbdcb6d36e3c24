package cm.vigie.plan.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.plan.workflow.ItemStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PublicationRepository implements PanacheRepositoryBase<Publication, UUID> {

    public Optional<Publication> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** The calendar between two instants, in planned order. */
    public PanacheQuery<Publication> search(Instant from, Instant to, UUID channelId, ItemStatus status, UUID planId,
            boolean withCancelled) {
        StringBuilder where = new StringBuilder("plannedAt >= :from and plannedAt < :to");
        Parameters parameters = Parameters.with("from", from).and("to", to);
        if (channelId != null) {
            where.append(" and channelId = :channel");
            parameters.and("channel", channelId);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        } else if (!withCancelled) {
            where.append(" and status <> :cancelled");
            parameters.and("cancelled", ItemStatus.CANCELLED);
        }
        if (planId != null) {
            where.append(" and planId = :plan");
            parameters.and("plan", planId);
        }
        return find(where.toString(), Sort.by("plannedAt").and("id"), parameters);
    }

    /** Other live publications on the channel closer than the gap. */
    public List<Publication> neighbours(Publication publication, long gapMinutes) {
        return list("channelId = ?1 and id <> ?2 and status <> ?3 and plannedAt > ?4 and plannedAt < ?5 order by plannedAt",
                publication.channelId, publication.id, ItemStatus.CANCELLED,
                publication.plannedAt.minusSeconds(gapMinutes * 60), publication.plannedAt.plusSeconds(gapMinutes * 60));
    }
}
