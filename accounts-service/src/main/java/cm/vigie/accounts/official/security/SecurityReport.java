package cm.vigie.accounts.official.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.AccountStatus;
import cm.vigie.accounts.official.Platform;

@Schema(name = "SecurityReport", description = "Security of every official account of the institution, worst first")
public record SecurityReport(
        @Schema(examples = "2026-11-27T10:00:00Z") Instant generatedAt,
        @Schema(description = "Number of official accounts", examples = "7") int accounts,
        @Schema(description = "Mean score, null without accounts", examples = "62") Integer averageScore,
        @Schema(description = "How many accounts have each finding, most frequent first") List<FindingCount> findings,
        @Schema(description = "One line per account: pages still held by a former member first, then lowest score first") List<Item> items) {

    @Schema(name = "SecurityReportFindingCount")
    public record FindingCount(
            @Schema(examples = "NO_2FA") FindingCode code,
            @Schema(examples = "CRITICAL") Severity severity,
            @Schema(examples = "3") int accounts) {
    }

    @Schema(name = "SecurityReportItem")
    public record Item(
            @Schema(examples = "7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") UUID accountId,
            @Schema(examples = "FACEBOOK") Platform platform,
            @Schema(examples = "minsantecm") String handle,
            @Schema(examples = "Ministère de la Santé publique") String displayName,
            @Schema(examples = "ACTIVE") AccountStatus status,
            @Schema(examples = "40") int score,
            @Schema(description = "Finding codes, worst first", examples = "[\"NO_2FA\",\"SINGLE_ADMIN\"]") List<FindingCode> findings) {
    }
}
