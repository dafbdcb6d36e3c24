package cm.vigie.plan.communication;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.diff.FieldChange;

@Schema(name = "CommunicationPlanRevisionDiff", description = "What changed from one revision to another")
public record RevisionDiff(
        @Schema(examples = "1") int from,
        @Schema(examples = "2") int to,
        List<FieldChange> changes) {
}
