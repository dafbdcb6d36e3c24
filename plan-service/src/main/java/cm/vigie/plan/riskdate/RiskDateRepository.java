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
    public List<RiskDate> touching(LocalDate first, LocalDate last) {
        return list("(yearly = false and startsOn <= ?2 and endsOn >= ?1) or (yearly = true and startsOn <= ?2) order by startsOn, id",
                first, last);
    }
}
