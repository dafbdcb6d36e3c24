package cm.vigie.watch.hoax;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HoaxWithdrawalRequest", description = "Why a shared hoax leaves the national registry")
public record WithdrawalRequest(
        @NotBlank @Size(max = 1000) @Schema(examples = "Verdict contested by the fact-checking network") String reason) {
}
