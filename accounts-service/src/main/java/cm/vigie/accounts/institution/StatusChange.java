package cm.vigie.accounts.institution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusChange", description = "Why a status changes; kept in the audit trail")
public record StatusChange(
        @NotBlank @Size(max = 1000) @Schema(examples = "Contract ended; access suspended pending renewal") String reason) {
}
