package cm.vigie.accounts.official.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.AccountStatus;
import cm.vigie.accounts.official.Platform;

@Schema(name = "OfficialAccountSecurity", description = "Security score (0 lost, 100 well protected) and findings of an official account")
public record SecurityView(
        @Schema(examples = "7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") UUID accountId,
        @Schema(examples = "FACEBOOK") Platform platform,
        @Schema(examples = "minsantecm") String handle,
        @Schema(examples = "ACTIVE") AccountStatus status,
        @Schema(minimum = "0", maximum = "100", examples = "55") int score,
        @Schema(description = "Worst first") List<Finding> findings,
        @Schema(description = "What was declared; null when nothing was") SecurityPostureView posture,
        @Schema(examples = "2026-11-27T10:00:00Z") Instant assessedAt) {
}
