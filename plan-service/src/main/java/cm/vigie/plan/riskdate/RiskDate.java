package cm.vigie.plan.riskdate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A date around which disinformation is expected: prepare a prebunking publication before it. */
@Entity
@Table(name = "risk_date")
public class RiskDate {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    public String name;

    @Enumerated(EnumType.STRING)
    public RiskKind kind;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    /** Comes back every year on the same days (national days). */
    public boolean yearly;

    public String notes;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** This date's occurrences that touch [first, last], yearly ones repeated. */
    public java.util.List<LocalDate> occurrencesBetween(LocalDate first, LocalDate last) {
        java.util.List<LocalDate> starts = new java.util.ArrayList<>();
        long length = java.time.temporal.ChronoUnit.DAYS.between(startsOn, endsOn);
        if (!yearly) {
            if (!startsOn.isAfter(last) && !endsOn.isBefore(first)) {
                starts.add(startsOn);
            }
            return starts;
        }
        for (int year = Math.max(startsOn.getYear(), first.getYear() - 1); year <= last.getYear(); year++) {
            LocalDate start = startsOn.withYear(year);
            if (!start.isAfter(last) && !start.plusDays(length).isBefore(first)) {
                starts.add(start);
            }
        }
        return starts;
    }
}
