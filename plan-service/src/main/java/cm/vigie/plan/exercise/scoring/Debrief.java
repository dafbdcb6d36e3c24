package cm.vigie.plan.exercise.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.countermeasure.Decision;
import cm.vigie.plan.exercise.ExerciseStatus;
import cm.vigie.plan.exercise.scenario.Scenario;

@Schema(name = "ExerciseDebrief", description = "How the team did: times, decision, expected alerts missed, false alarms, and the timeline")
public record Debrief(
        UUID exerciseId,
        @Schema(examples = "vaccination-sterility") String scenarioId,
        Scenario.Text title,
        @Schema(examples = "COMPLETED") ExerciseStatus status,
        @Schema(examples = "60") int speed,
        Instant startedAt,
        @Schema(description = "Scenario time reached", examples = "PT60M") String scenarioClock,
        @Schema(examples = "PT60M") String duration,
        @Schema(description = "Share of checks passed (expected alerts on time, deadlines met, decision), 0 to 100", examples = "75") int score,
        Times times,
        DecisionScore decision,
        List<ExpectedAlertScore> expectedAlerts,
        @Schema(description = "Expected alerts that never fired", examples = "1") int missed,
        List<FalseAlarm> falseAlarms,
        Timeline timeline,
        @Schema(description = "What could not be scored, and why") List<String> warnings) {

    @Schema(name = "ExerciseTiming", description = "When a step first happened, from the start, in scenario time and wall time; null until it happened")
    public record Timing(
            @Schema(examples = "PT4M30S") String scenario,
            @Schema(examples = "270000") Long scenarioMs,
            @Schema(description = "Wall time from the start", examples = "PT27S") String wall,
            @Schema(examples = "27000") Long wallMs,
            Instant at,
            @Schema(description = "The scenario's deadline for this step", examples = "PT10M") String deadline,
            @Schema(description = "Met the deadline; null without a deadline, false when late or not done", examples = "true") Boolean met) {
    }

    @Schema(name = "ExerciseTimes")
    public record Times(Timing firstAlert, Timing acknowledgement, Timing responsePlan, Timing approval, Timing publication) {
    }

    @Schema(name = "ExerciseDecisionScore")
    public record DecisionScore(
            @Schema(examples = "RESPOND") Decision expected,
            @Schema(examples = "RESPOND") Decision actual,
            @Schema(description = "EXERCISE (the decision endpoint) or RESPONSE_PLAN (the first exercise plan's decision)", examples = "EXERCISE") String source,
            Timing at,
            @Schema(examples = "true") boolean correct) {
    }

    @Schema(name = "ExerciseExpectedAlert")
    public record ExpectedAlertScore(
            @Schema(examples = "HOAX") String rule,
            @Schema(description = "Scenario id of what the alert is about", examples = "sterility") String subject,
            @Schema(examples = "PT15M") String by,
            @Schema(description = "ON_TIME, LATE or MISSED", examples = "ON_TIME") String outcome,
            UUID alertId,
            Timing firedAt) {
    }

    @Schema(name = "ExerciseFalseAlarm")
    public record FalseAlarm(
            UUID alertId,
            @Schema(examples = "KEYWORD") String rule,
            @Schema(examples = "Vaccination") String title,
            @Schema(description = "UNEXPECTED (no expectation matches it) or NOISE (raised by noise mentions only)", examples = "NOISE") String reason,
            Timing at) {
    }

    @Schema(name = "ExerciseTimeline", description = "Per scenario minute: posts sent; alerts and the team's actions at their scenario time")
    public record Timeline(List<Minute> minutes, List<Mark> alerts, List<Mark> actions) {
    }

    @Schema(name = "ExerciseTimelineMinute")
    public record Minute(@Schema(examples = "12") int minute, @Schema(examples = "40") int mentions, @Schema(examples = "3") int noise) {
    }

    @Schema(name = "ExerciseTimelineMark")
    public record Mark(
            @Schema(description = "Alert rule, or ACKNOWLEDGED, RESPONSE_PLAN, APPROVED, PUBLISHED, DECISION, PAUSE, RESUME, STOP", examples = "HOAX") String kind,
            @Schema(examples = "Vaccin HPV") String label,
            @Schema(examples = "270000") long scenarioMs) {
    }
}
