package cm.vigie.watch.retention;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Retention", description = "How long the institution's mentions are kept, by their publication time")
public record RetentionView(
        @Schema(description = "The platform's period, in months: older months are dropped for every institution", examples = "13") int platformMonths,
        @Schema(description = "The institution's own shorter period, in months; null when it keeps the platform's", examples = "6", nullable = true) Integer months,
        @Schema(description = "The period applied", examples = "6") int effectiveMonths,
        @Schema(description = "Mentions published before this time are deleted (or refused at ingestion when older than the platform's period)") Instant keepsFrom,
        @Schema(description = "Last change; null when never set", nullable = true) Instant updatedAt,
        @Schema(description = "Who made the last change", nullable = true) String updatedBy) {
}
