package cm.vigie.plan.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "HistoryEntry", description = "One audited edit or transition of an item, oldest first")
public record HistoryEntry(
        @Schema(examples = "2026-11-27T09:30:00Z") Instant at,
        @Schema(description = "User name from the caller's token", examples = "approver") String actor,
        @Schema(examples = "APPROVED") String action,
        @Schema(description = "Status before", examples = "IN_REVIEW") String fromStatus,
        @Schema(description = "Status after", examples = "APPROVED") String toStatus,
        @Schema(examples = "Validé") String comment,
        @Schema(description = "The content before an edit; null for transitions") JsonNode before,
        @Schema(description = "The content after an edit or creation; null for transitions") JsonNode after) {
}
