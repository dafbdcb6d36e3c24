package cm.vigie.accounts.official.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationDecision", description = "Why an operator approves or rejects a claim; kept in the account's history")
public record DecisionRequest(
        @NotBlank @Size(max = 1000) @Schema(examples = "Code seen in the page's About section; page created in 2012") String reason) {
}
