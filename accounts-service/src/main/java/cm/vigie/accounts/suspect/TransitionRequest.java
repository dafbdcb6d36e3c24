package cm.vigie.accounts.suspect;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SuspectTransition", description = "Moves a case to its next status; the other fields apply where they make sense")
public record TransitionRequest(
        @NotNull @Schema(examples = "REPORTED") SuspectStatus to,
        @Size(max = 1000) @Schema(description = "Why, kept in the history", examples = "Reported through the Facebook impersonation form") String reason,
        @Size(max = 200) @Schema(description = "On REPORTED: the platform's reference", examples = "FB-IMP-2026-118734") String reportReference,
        @Schema(description = "On REPORTED: when it was reported, now if absent; never in the future", examples = "2026-11-27T10:00:00Z") Instant reportedAt,
        @Min(1) @Max(365) @Schema(description = "On REPORTED: days the platform has to act; the institution's default if absent", examples = "7") Integer slaDays,
        @Size(max = 1000) @Schema(description = "On TAKEN_DOWN, REJECTED_BY_PLATFORM or FALSE_POSITIVE: what came of it", examples = "Page removed by Meta") String outcome) {
}
