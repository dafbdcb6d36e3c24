package cm.vigie.accounts.impersonation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImpersonationSettingsRequest", description = "An institution's impersonation settings")
public record ImpersonationSettingsRequest(
        @NotNull @DecimalMin("0.05") @DecimalMax("1.0")
        @Schema(description = "Score (0.05 to 1) from which a scan opens or updates a suspect account", examples = "0.6") Double threshold,
        @NotNull @Min(1) @Max(365)
        @Schema(description = "Days a platform has to act on a report, unless a case says otherwise", examples = "7") Integer defaultSlaDays) {
}
