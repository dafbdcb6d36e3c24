package cm.vigie.plan.communication;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Objective", description = "What the plan must achieve, and its KPI")
public record Objective(
        @Schema(description = "Stable id, given by the server when absent", examples = "0b8e4c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e") UUID id,
        @NotBlank @Size(max = 500) @Schema(examples = "Faire reculer la part de messages négatifs sur la campagne de vaccination") String statement,
        @NotNull @Valid Kpi kpi) {
}
