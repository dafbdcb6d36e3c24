package cm.vigie.watch.mention;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

@Schema(name = "TriageRequest", description = "A triage decision; absent fields stay as they are, an empty string clears assignee or note")
public record TriageRequest(
        @Schema(examples = "ESCALATED") MentionStatus status,
        @Size(max = 200) @Schema(examples = "cm") String assignee,
        @Size(max = 2000) @Schema(examples = "Relayed by three regional pages; answer with the vaccination FAQ") String note) {
}
