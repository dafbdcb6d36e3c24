package cm.vigie.plan.workflow;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rejection", description = "The last rejection: who sent the item back to draft, and why")
public record Rejection(
        @Schema(examples = "approver") String by,
        @Schema(examples = "2026-11-27T09:30:00Z") Instant at,
        @Schema(examples = "Le ton est trop défensif") String reason) {
}
