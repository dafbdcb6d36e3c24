package cm.vigie.plan.riskdate;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.audit.PlanAudit;
import cm.vigie.plan.workflow.Clocks;

@ApplicationScoped
public class RiskDateService {

    static final String AUDIT_TARGET = "RISK_DATE";

    /** One occurrence of a risk date in a window (yearly dates occur once a year). */
    public record Occurrence(RiskDate date, LocalDate startsOn, LocalDate endsOn) {
    }

    private final RiskDateRepository dates;
    private final PlanAudit audit;
    private final CurrentInstitution institution;

    RiskDateService(RiskDateRepository dates, PlanAudit audit, CurrentInstitution institution) {
        this.dates = dates;
        this.audit = audit;
        this.institution = institution;
    }

    @Transactional
    public RiskDate create(RiskDateRequest request) {
        RiskDate date = new RiskDate();
        date.id = UUID.randomUUID();
        date.institutionId = institution.slug().orElseThrow();
        date.name = request.name().strip();
        date.kind = request.kind();
        date.startsOn = request.startsOn();
        date.endsOn = request.endsOn() == null ? request.startsOn() : request.endsOn();
        date.yearly = Boolean.TRUE.equals(request.yearly());
        date.notes = request.notes();
        date.createdAt = Clocks.now();
        dates.persist(date);
        audit.record(date.institutionId, "CREATED", AUDIT_TARGET, date.id, null, null, null, null, RiskDateView.of(date));
        return date;
    }

    public RiskDate get(UUID id) {
        return dates.findVisible(id).orElseThrow(() -> ProblemException.notFound("risk-date.not-found"));
    }

    @Transactional
    public void delete(UUID id) {
        RiskDate date = get(id);
        audit.record(date.institutionId, "DELETED", AUDIT_TARGET, date.id, null, null, null, RiskDateView.of(date), null);
        dates.delete(date);
    }

    public List<Occurrence> between(LocalDate first, LocalDate last) {
        return occurrences(dates.touching(first, last), first, last);
    }

    /** The occurrences in [first, last] of dates read by any means (the calendar feed reads them without a caller). */
    public static List<Occurrence> occurrences(List<RiskDate> candidates, LocalDate first, LocalDate last) {
        return candidates.stream()
                .flatMap(d -> d.occurrencesBetween(first, last).stream()
                        .map(start -> new Occurrence(d, start, start.plusDays(java.time.temporal.ChronoUnit.DAYS.between(d.startsOn, d.endsOn)))))
                .sorted(Comparator.comparing(Occurrence::startsOn))
                .toList();
    }
}
