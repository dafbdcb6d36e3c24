package cm.vigie.plan.workflow;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Approval", description = "One approval given to the item's current version")
public record Approval(
        @Schema(description = "User name of the approver", examples = "approver") String by,
        @Schema(examples = "2026-11-27T09:30:00Z") Instant at,
        @Schema(examples = "Validé, publier avant midi") String comment) {
}
