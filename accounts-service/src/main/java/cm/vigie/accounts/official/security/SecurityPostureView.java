package cm.vigie.accounts.official.security;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SecurityPosture", description = "The declared protection of an official account")
public record SecurityPostureView(
        @Schema(examples = "true") boolean twoFactorEnabled,
        @Schema(examples = "communication@minsante.cm") String recoveryEmail,
        @Schema(examples = "2026-10-01") LocalDate credentialsRotatedOn,
        @Schema(examples = "2") int adminCount,
        @Schema(examples = "true") boolean backupAdminPresent,
        @Schema(examples = "2026-11-02") LocalDate lastReviewOn,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt,
        @Schema(examples = "cm") String updatedBy) {

    static SecurityPostureView of(SecurityPosture posture) {
        return posture == null ? null
                : new SecurityPostureView(posture.twoFactorEnabled, posture.recoveryEmail, posture.credentialsRotatedOn,
                        posture.adminCount, posture.backupAdminPresent, posture.lastReviewOn, posture.updatedAt,
                        posture.updatedBy);
    }
}
