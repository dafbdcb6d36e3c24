package cm.vigie.plan.kpi;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.communication.Direction;
import cm.vigie.plan.communication.KpiType;

@Schema(name = "KpiValue", description = "An objective's current value, or why it is unavailable")
public record KpiValue(
        @Schema(examples = "0b8e4c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e") UUID objectiveId,
        @Schema(examples = "Faire reculer la part de messages négatifs") String statement,
        @Schema(examples = "NEGATIVE_SHARE") KpiType type,
        @Schema(examples = "AVAILABLE") Availability status,
        @Schema(description = "Current value (a count, or a percentage for shares)", examples = "31.5") Double value,
        @Schema(examples = "42.0") Double baseline,
        @Schema(examples = "25.0") Double target,
        @Schema(examples = "DECREASE") Direction direction,
        @Schema(description = "Way covered from baseline to target, in percent", examples = "61.8") Double progress,
        @Schema(description = "Whether the target is reached", examples = "false") Boolean achieved,
        @Schema(description = "Why the value is unavailable", examples = "watch-service did not answer within 2000 ms") String reason) {

    public enum Availability {
        AVAILABLE, UNAVAILABLE
    }
}
