package cm.vigie.plan.exercise;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExerciseStartRequest", description = "A scenario of the library and how fast to play it")
public record StartRequest(
        @Schema(description = "A scenario id from GET /api/plans/exercises/scenarios", examples = "vaccination-sterility", required = true) String scenarioId,
        @Schema(description = "Scenario minutes per wall minute: 1, 10 or 60", examples = "10", required = true) Integer speed) {
}
