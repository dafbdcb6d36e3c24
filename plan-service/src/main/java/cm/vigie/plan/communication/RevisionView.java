package cm.vigie.plan.communication;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.workflow.Approval;
import cm.vigie.plan.workflow.ItemStatus;

@Schema(name = "CommunicationPlanRevision", description = "One revision of a communication plan")
public record RevisionView(
        @Schema(examples = "2") int number,
        @Schema(description = "Status this revision reached", examples = "APPROVED") ItemStatus status,
        List<Approval> approvals,
        @Schema(examples = "cm") String editedBy,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T09:00:00Z") Instant updatedAt,
        @Schema(description = "The plan as this revision has it") CommunicationPlanContent content) {

    static RevisionView of(CommunicationPlanRevision r) {
        return new RevisionView(r.number, r.status, r.approvals, r.editedBy, r.createdAt, r.updatedAt, r.content);
    }
}
