package cm.vigie.plan.publication;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublicationWarning", description = "Another publication on the same channel closer than the institution's gap")
public record GapWarning(
        @Schema(examples = "CHANNEL_GAP") String code,
        @Schema(examples = "Another publication on this channel is planned 45 minutes away (minimum gap 120 minutes).") String message,
        UUID otherPublicationId,
        @Schema(examples = "2027-01-12T08:45:00Z") Instant otherPlannedAt,
        @Schema(examples = "45") long minutesApart) {
}
