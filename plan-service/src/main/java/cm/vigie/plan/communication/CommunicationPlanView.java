package cm.vigie.plan.communication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.workflow.Approval;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Rejection;

@Schema(name = "CommunicationPlan", description = "A communication plan in its current revision")
public record CommunicationPlanView(
        @Schema(examples = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e") UUID id,
        @Schema(examples = "Campagne de vaccination HPV 2027") String title,
        @Schema(examples = "2027-01-10") LocalDate periodStart,
        @Schema(examples = "2027-03-31") LocalDate periodEnd,
        String situationAnalysis,
        List<Objective> objectives,
        List<Audience> audiences,
        List<KeyMessage> keyMessages,
        @Schema(description = "Official account ids") List<UUID> channels,
        @Schema(examples = "cm") String owner,
        @Schema(examples = "DRAFT") ItemStatus status,
        @Schema(description = "Approvals of the current revision") List<Approval> approvals,
        @Schema(description = "The last rejection, if any") Rejection rejection,
        @Schema(description = "Current revision number, from 1", examples = "1") int revision,
        @Schema(examples = "cm") String createdBy,
        @Schema(examples = "cm") String lastEditedBy,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt,
        @Schema(description = "Optimistic-concurrency version, also the ETag", examples = "0") long version) {

    static CommunicationPlanView of(CommunicationPlan p) {
        CommunicationPlanContent c = p.plan;
        return new CommunicationPlanView(p.id, c.title(), c.periodStart(), c.periodEnd(), c.situationAnalysis(),
                c.objectives(), c.audiences(), c.keyMessages(), c.channels(), c.owner(), p.status, p.approvals,
                p.rejection, p.revision, p.createdBy, p.lastEditedBy, p.createdAt, p.updatedAt, p.version);
    }
}
