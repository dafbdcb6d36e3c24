package cm.vigie.accounts.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OfficialAccountStatusChange", description = """
        A new status and why. Allowed moves: ACTIVE → COMPROMISED or ARCHIVED; COMPROMISED → RECOVERED or ARCHIVED; \
        RECOVERED → ACTIVE, COMPROMISED or ARCHIVED; ARCHIVED → ACTIVE. Any other move answers 409.""")
public record OfficialAccountStatusChange(
        @NotNull @Schema(examples = "COMPROMISED") AccountStatus status,
        @NotBlank @Size(max = 1000) @Schema(description = "Kept in the account's history",
                examples = "Password reset by an unknown person; the page posts scam links") String reason) {
}
