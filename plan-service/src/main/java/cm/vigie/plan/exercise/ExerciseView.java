package cm.vigie.plan.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.countermeasure.Decision;
import cm.vigie.plan.exercise.scenario.Scenario;

@Schema(name = "Exercise", description = "A scenario replayed in the institution through the real watch pipeline")
public record ExerciseView(
        @Schema(examples = "3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d") UUID id,
        @Schema(examples = "vaccination-sterility") String scenarioId,
        @Schema(description = "The scenario's title in French and English") Scenario.Text title,
        @Schema(description = "Scenario minutes per wall minute", examples = "10") int speed,
        @Schema(examples = "RUNNING") ExerciseStatus status,
        @Schema(examples = "2026-11-28T09:00:00Z") Instant startedAt,
        @Schema(examples = "admin") String startedBy,
        @Schema(description = "Scenario time reached (ISO-8601); frozen while paused", examples = "PT12M30S") String scenarioClock,
        @Schema(description = "Scenario time reached, in milliseconds", examples = "750000") long scenarioClockMs,
        @Schema(description = "The scenario's length in scenario time", examples = "PT60M") String duration,
        @Schema(description = "Posts accepted by watch-service so far (mentions and viral re-posts)", examples = "42") int postsSent,
        @Schema(description = "Posts the scenario sends in all", examples = "320") int postsTotal,
        @Schema(description = "The team's decision, when taken", examples = "RESPOND") Decision decision,
        String decisionNote,
        String decidedBy,
        Instant decidedAt,
        @Schema(description = "When it was stopped or completed") Instant endedAt,
        @Schema(description = "Why the last batch of injects could not be posted (retried every tick)") String lastError,
        @Schema(description = "Watchlists, hoaxes and protected persons created for it, by scenario id") Setup setup) {

    static ExerciseView of(Exercise e, Scenario scenario, Instant now) {
        Duration duration = scenario == null ? Duration.ZERO : scenario.duration();
        long clock = scenario == null ? e.clockMs : e.scenarioMs(now, duration);
        return new ExerciseView(e.id, e.scenarioId, scenario == null ? null : scenario.title(), e.speed, e.status,
                e.startedAt, e.startedBy, Duration.ofMillis(clock).toString(), clock, duration.toString(), e.nextPost,
                e.postsTotal, e.decision, e.decisionNote, e.decidedBy, e.decidedAt, e.endedAt, e.lastError, e.setup);
    }
}
