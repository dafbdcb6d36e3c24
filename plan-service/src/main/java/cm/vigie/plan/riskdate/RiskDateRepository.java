package cm.vigie.plan.riskdate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RiskDateRepository implements PanacheRepositoryBase<RiskDate, UUID> {

    public Optional<RiskDate> findVisible(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** Dates that may touch [first, last]: one-off ones overlapping it, every yearly one begun by then. */
    /** HQL shared with the calendar feed, which runs it in a session of the feed's institution. */
    public static final String TOUCHING = "from RiskDate where (yearly = false and startsOn <= :last and endsOn >= :first)"
            + " or (yearly = true and startsOn <= :last) order by startsOn, id";

    public List<RiskDate> touching(LocalDate first, LocalDate last) {
        return getEntityManager().createQuery(TOUCHING, RiskDate.class).setParameter("first", first)
                .setParameter("last", last).getResultList();
    }
}
