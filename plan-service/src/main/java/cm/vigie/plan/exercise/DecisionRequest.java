package cm.vigie.plan.exercise;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.countermeasure.Decision;

@Schema(name = "ExerciseDecisionRequest", description = "The team's decision on the exercise's crisis")
public record DecisionRequest(
        @NotNull @Schema(examples = "RESPOND", required = true) Decision decision,
        @Size(max = 2000) @Schema(examples = "La rumeur touche les parents d'élèves : répondre avant la campagne") String note) {
}
