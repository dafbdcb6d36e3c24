package cm.vigie.accounts.official.security;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SecurityPostureRequest", description = "How an official account is protected on its platform, as the institution declares it")
public record SecurityPostureRequest(
        @NotNull @Schema(description = "Two-factor authentication on for every admin", examples = "true") Boolean twoFactorEnabled,
        @Email @Size(max = 320) @Schema(description = "Recovery e-mail address of the account", examples = "communication@minsante.cm") String recoveryEmail,
        @PastOrPresent @Schema(description = "Day the credentials were last changed", examples = "2026-10-01") LocalDate credentialsRotatedOn,
        @NotNull @Min(0) @Max(1000) @Schema(description = "People with admin rights on the page", examples = "2") Integer adminCount,
        @NotNull @Schema(description = "A backup admin is named on the platform", examples = "true") Boolean backupAdminPresent,
        @PastOrPresent @Schema(description = "Day of the last security review", examples = "2026-11-02") LocalDate lastReviewOn) {
}
