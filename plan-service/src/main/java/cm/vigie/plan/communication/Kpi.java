package cm.vigie.plan.communication;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Kpi", description = "How an objective is measured")
public record Kpi(
        @NotNull @Schema(examples = "NEGATIVE_SHARE") KpiType type,
        @Schema(description = "The watch-service watchlist it reads (all types but HOAX_MENTIONS and MANUAL)", examples = "5d9f0a3e-8c1b-4f7e-a1d2-3b4c5d6e7f80") UUID watchlistId,
        @Schema(description = "The known hoax it counts (HOAX_MENTIONS)") UUID hoaxId,
        @Schema(examples = "42.0") Double baseline,
        @Schema(examples = "25.0") Double target,
        @NotNull @Schema(examples = "DECREASE") Direction direction,
        @Schema(description = "Current value, entered by hand (MANUAL only)", examples = "30.0") Double manualValue) {
}
