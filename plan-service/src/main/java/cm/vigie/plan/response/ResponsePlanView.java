package cm.vigie.plan.response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.countermeasure.Decision;
import cm.vigie.plan.countermeasure.ThreatAssessment;
import cm.vigie.plan.workflow.Approval;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Rejection;
import cm.vigie.plan.workflow.Severity;

@Schema(name = "ResponsePlan", description = "An answer to disinformation, from an alert or a known hoax")
public record ResponsePlanView(
        @Schema(examples = "6f5e4d3c-2b1a-4098-8765-43210fedcba9") UUID id,
        @Schema(examples = "Rumeur : le vaccin HPV rendrait stérile") String title,
        UUID alertId,
        UUID hoaxId,
        @Schema(description = "The alert's watchlist, when watch-service told") UUID watchlistId,
        @Schema(description = "False when watch-service could not be asked at creation", examples = "true") boolean sourceVerified,
        @Schema(description = "The crisis exercise this plan belongs to; null for real plans") UUID exerciseId,
        String situationSummary,
        ThreatAssessment threat,
        @Schema(examples = "RESPOND") Decision decision,
        String rationale,
        @Schema(examples = "[\"C00119\"]") List<String> countermeasures,
        Statement holdingStatement,
        List<Rebuttal> rebuttals,
        List<FactCheck> factChecks,
        @Schema(description = "The harm assessed, else the alert's severity, else MEDIUM", examples = "HIGH") Severity severity,
        @Schema(description = "Creation plus the institution's delay for the severity", examples = "2026-11-27T14:00:00Z") Instant deadline,
        @Schema(description = "Past its deadline and not yet published", examples = "false") boolean overdue,
        @Schema(description = "CRITICAL: one approval suffices", examples = "false") boolean fastTrack,
        @Schema(description = "Not approved within the escalation delay", examples = "false") boolean escalated,
        Instant escalatedAt,
        @Schema(examples = "DRAFT") ItemStatus status,
        List<Approval> approvals,
        Rejection rejection,
        @Schema(description = "Set when closed") Outcome outcome,
        Instant submittedAt,
        Instant publishedAt,
        Instant closedAt,
        @Schema(examples = "cm") String createdBy,
        @Schema(examples = "cm") String lastEditedBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Optimistic-concurrency version, also the ETag", examples = "0") long version,
        @Schema(description = "What could not be checked at creation (watch-service down)") List<String> warnings) {

    static ResponsePlanView of(ResponsePlan p) {
        return of(p, List.of());
    }

    static ResponsePlanView of(ResponsePlan p, List<String> warnings) {
        ResponsePlanContent c = p.plan;
        boolean pending = p.status == ItemStatus.DRAFT || p.status == ItemStatus.IN_REVIEW || p.status == ItemStatus.APPROVED;
        return new ResponsePlanView(p.id, c.title(), p.alertId, p.hoaxId, p.watchlistId, p.sourceVerified, p.exerciseId,
                c.situationSummary(), c.threat(), c.decision(), c.rationale(), c.countermeasures(), c.holdingStatement(),
                c.rebuttals(), c.factChecks(), p.severity, p.deadline, pending && Instant.now().isAfter(p.deadline),
                p.fastTrack, p.escalatedAt != null, p.escalatedAt, p.status, p.approvals, p.rejection, p.outcome,
                p.submittedAt, p.publishedAt, p.closedAt, p.createdBy, p.lastEditedBy, p.createdAt, p.updatedAt, p.version,
                warnings);
    }
}
