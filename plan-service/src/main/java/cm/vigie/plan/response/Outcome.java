package cm.vigie.plan.response;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResponseOutcome", description = "Mention volume of the hoax (or the alert's watchlist) before and after the answer")
public record Outcome(
        @Schema(examples = "AVAILABLE") Availability status,
        @Schema(description = "What was counted", examples = "HOAX") String measured,
        @Schema(description = "The answer's time: publication, else approval, else creation") Instant pivot,
        @Schema(description = "Mentions in the window before the pivot", examples = "840") Long before,
        @Schema(description = "Mentions in the window after the pivot (so far)", examples = "210") Long after,
        @Schema(description = "Change in percent", examples = "-75.0") Double changePercent,
        @Schema(description = "Window length in hours", examples = "24") long windowHours,
        @Schema(description = "Why the volumes are missing", examples = "watch-service did not answer within 2000 ms") String reason,
        @Schema(description = "The closing comment") String comment) {

    public enum Availability {
        AVAILABLE, UNAVAILABLE
    }
}
