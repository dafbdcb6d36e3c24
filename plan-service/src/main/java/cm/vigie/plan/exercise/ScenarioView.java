package cm.vigie.plan.exercise;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.exercise.scenario.Scenario;

@Schema(name = "ExerciseScenario", description = "A scenario of the library")
public record ScenarioView(
        @Schema(examples = "vaccination-sterility") String id,
        Scenario.Text title,
        Scenario.Text summary,
        @Schema(description = "Mentions the scenario posts (MENTION injects plus BURST counts)", examples = "320") int injects,
        @Schema(description = "Length in scenario time, ISO-8601", examples = "PT60M") String duration,
        @Schema(description = "Suited to the first-start demo", examples = "false") boolean gentle) {

    static ScenarioView of(Scenario s) {
        return new ScenarioView(s.id(), s.title(), s.summary(), s.mentionCount(), s.duration().toString(), s.gentle());
    }

    @Schema(name = "ExerciseScenarioList")
    public record Items(List<ScenarioView> items) {
    }
}
