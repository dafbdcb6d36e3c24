package cm.vigie.plan.exercise.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import cm.vigie.plan.countermeasure.Decision;
import cm.vigie.plan.exercise.ExerciseStatus;
import cm.vigie.plan.exercise.Setup;
import cm.vigie.plan.exercise.scenario.Scenario;
import cm.vigie.plan.exercise.scenario.Scenario.ExpectedAlert;
import cm.vigie.plan.exercise.scenario.Scenario.Post;
import cm.vigie.plan.exercise.scoring.Debrief.DecisionScore;
import cm.vigie.plan.exercise.scoring.Debrief.ExpectedAlertScore;
import cm.vigie.plan.exercise.scoring.Debrief.FalseAlarm;
import cm.vigie.plan.exercise.scoring.Debrief.Mark;
import cm.vigie.plan.exercise.scoring.Debrief.Minute;
import cm.vigie.plan.exercise.scoring.Debrief.Timing;

/**
 * Scores an exercise from what happened: the exercise's alerts (watch-service), its response plans and decision
 * (here), against the scenario's expectations. Pure: everything it needs is passed in.
 */
public final class Scorer {

    /** An exercise alert as scoring needs it; {@code externalIds} of its mentions, null when they could not be read. */
    public record AlertFact(UUID id, String rule, UUID watchlistId, UUID hoaxId, String authorHandle, String title,
            Instant createdAt, Instant acknowledgedAt, Set<String> externalIds) {
    }

    /** An exercise response plan: when drafted, approved (null if not yet), published, and its decision. */
    public record PlanFact(UUID id, String title, Instant createdAt, Instant approvedAt, Instant publishedAt, Decision decision) {
    }

    /** What the exercise itself knows. */
    public record ExerciseFacts(UUID id, String scenarioId, ExerciseStatus status, int speed, Instant startedAt,
            long clockMs, int postsSent, Setup setup, Decision decision, Instant decidedAt) {
    }

    private Scorer() {
    }

    public static Debrief score(Scenario scenario, List<Post> timeline, ExerciseFacts exercise, ClockMap clock,
            List<AlertFact> alerts, List<PlanFact> plans, List<Mark> clockMarks, List<String> warnings) {
        Scenario.Deadlines deadlines = scenario.expectations().deadlines();
        List<AlertFact> byTime = alerts.stream().sorted(Comparator.comparing(AlertFact::createdAt)).toList();

        Set<String> noiseIds = new HashSet<>();
        Map<String, String> refIds = new TreeMap<>();
        for (Post post : timeline) {
            if (post.noise()) {
                noiseIds.add(post.externalId(exercise.id()));
            }
            if (post.ref() != null) {
                refIds.put(post.ref(), post.externalId(exercise.id()));
            }
        }

        // an alert raised only by noise mentions is a false alarm and fulfils nothing
        List<FalseAlarm> falseAlarms = new ArrayList<>();
        List<AlertFact> genuine = new ArrayList<>();
        for (AlertFact alert : byTime) {
            if (alert.externalIds() != null && !alert.externalIds().isEmpty() && noiseIds.containsAll(alert.externalIds())) {
                falseAlarms.add(new FalseAlarm(alert.id(), alert.rule(), alert.title(), "NOISE", timing(clock, alert.createdAt(), null)));
            } else {
                genuine.add(alert);
            }
        }

        List<ExpectedAlertScore> expected = new ArrayList<>();
        Set<UUID> matched = new HashSet<>();
        int missed = 0;
        int passed = 0;
        int checks = 0;
        for (ExpectedAlert expectation : scenario.expectations().alerts()) {
            AlertFact first = null;
            for (AlertFact alert : genuine) {
                if (matches(expectation, alert, scenario, exercise.setup(), refIds)) {
                    matched.add(alert.id());
                    if (first == null) {
                        first = alert;
                    }
                }
            }
            checks++;
            String subject = expectation.hoax() != null ? expectation.hoax() : expectation.watchlist() != null
                    ? expectation.watchlist() : expectation.actor() != null ? expectation.actor() : expectation.ref();
            if (first == null) {
                missed++;
                expected.add(new ExpectedAlertScore(expectation.rule(), subject, expectation.by().toString(), "MISSED", null, null));
            } else {
                Timing fired = timing(clock, first.createdAt(), expectation.by());
                boolean onTime = Boolean.TRUE.equals(fired.met());
                if (onTime) {
                    passed++;
                }
                expected.add(new ExpectedAlertScore(expectation.rule(), subject, expectation.by().toString(),
                        onTime ? "ON_TIME" : "LATE", first.id(), fired));
            }
        }
        for (AlertFact alert : genuine) {
            if (!matched.contains(alert.id())) {
                falseAlarms.add(new FalseAlarm(alert.id(), alert.rule(), alert.title(), "UNEXPECTED", timing(clock, alert.createdAt(), null)));
            }
        }
        falseAlarms.sort(Comparator.comparing(f -> f.at().scenarioMs()));

        Instant firstAlert = byTime.isEmpty() ? null : byTime.get(0).createdAt();
        Instant firstAck = alerts.stream().map(AlertFact::acknowledgedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Instant firstPlan = plans.stream().map(PlanFact::createdAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Instant firstApproval = plans.stream().map(PlanFact::approvedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Instant firstPublication = plans.stream().map(PlanFact::publishedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Debrief.Times times = new Debrief.Times(timing(clock, firstAlert, null), timing(clock, firstAck, deadlines.acknowledge()),
                timing(clock, firstPlan, deadlines.responsePlan()), timing(clock, firstApproval, deadlines.approval()),
                timing(clock, firstPublication, deadlines.publication()));
        for (Timing t : List.of(times.acknowledgement(), times.responsePlan(), times.approval(), times.publication())) {
            if (t.deadline() != null) {
                checks++;
                if (Boolean.TRUE.equals(t.met())) {
                    passed++;
                }
            }
        }

        Decision expectedDecision = Decision.valueOf(scenario.expectations().decision());
        Decision actual = exercise.decision();
        String source = actual == null ? null : "EXERCISE";
        Instant decidedAt = exercise.decidedAt();
        if (actual == null) {
            PlanFact decided = plans.stream().filter(p -> p.decision() != null).min(Comparator.comparing(PlanFact::createdAt)).orElse(null);
            if (decided != null) {
                actual = decided.decision();
                source = "RESPONSE_PLAN";
                decidedAt = decided.createdAt();
            }
        }
        boolean correct = actual == expectedDecision;
        checks++;
        if (correct) {
            passed++;
        }
        DecisionScore decision = new DecisionScore(expectedDecision, actual, source, decidedAt == null ? null : timing(clock, decidedAt, null), correct);

        // timeline: posts sent per scenario minute, alerts and the team's actions at their scenario time
        int minutes = (int) Math.max(1, (scenario.duration().toMillis() + 59_999) / 60_000);
        int[] volume = new int[minutes + 1];
        int[] noise = new int[minutes + 1];
        for (int i = 0; i < Math.min(exercise.postsSent(), timeline.size()); i++) {
            Post post = timeline.get(i);
            if (post.repost()) {
                continue;
            }
            int minute = (int) Math.min(minutes, post.at().toMillis() / 60_000);
            volume[minute]++;
            if (post.noise()) {
                noise[minute]++;
            }
        }
        List<Minute> perMinute = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            perMinute.add(new Minute(m, volume[m] + (m == minutes - 1 ? volume[minutes] : 0), noise[m] + (m == minutes - 1 ? noise[minutes] : 0)));
        }
        List<Mark> alertMarks = byTime.stream().map(a -> new Mark(a.rule(), a.title(), clock.scenarioMs(a.createdAt()))).toList();
        List<Mark> actions = new ArrayList<>(clockMarks);
        for (AlertFact alert : alerts) {
            if (alert.acknowledgedAt() != null) {
                actions.add(new Mark("ACKNOWLEDGED", alert.title(), clock.scenarioMs(alert.acknowledgedAt())));
            }
        }
        for (PlanFact plan : plans) {
            actions.add(new Mark("RESPONSE_PLAN", plan.title(), clock.scenarioMs(plan.createdAt())));
            if (plan.approvedAt() != null) {
                actions.add(new Mark("APPROVED", plan.title(), clock.scenarioMs(plan.approvedAt())));
            }
            if (plan.publishedAt() != null) {
                actions.add(new Mark("PUBLISHED", plan.title(), clock.scenarioMs(plan.publishedAt())));
            }
        }
        if (exercise.decision() != null && exercise.decidedAt() != null) {
            actions.add(new Mark("DECISION", exercise.decision().name(), clock.scenarioMs(exercise.decidedAt())));
        }
        actions.sort(Comparator.comparingLong(Mark::scenarioMs));

        int score = checks == 0 ? 0 : (int) Math.round(100.0 * passed / checks);
        return new Debrief(exercise.id(), scenario.id(), scenario.title(), exercise.status(), exercise.speed(),
                exercise.startedAt(), Duration.ofMillis(exercise.clockMs()).toString(), scenario.duration().toString(), score,
                times, decision, expected, missed, falseAlarms, new Debrief.Timeline(perMinute, alertMarks, actions),
                List.copyOf(warnings));
    }

    static boolean matches(ExpectedAlert expectation, AlertFact alert, Scenario scenario, Setup setup, Map<String, String> refIds) {
        if (!expectation.rule().equals(alert.rule())) {
            return false;
        }
        return switch (expectation.rule()) {
            case "HOAX" -> alert.hoaxId() != null && alert.hoaxId().equals(setup.hoaxes().get(expectation.hoax()));
            case "KEYWORD", "SPIKE" -> alert.watchlistId() != null && alert.watchlistId().equals(setup.watchlists().get(expectation.watchlist()));
            case "IMPERSONATION" -> alert.authorHandle() != null && scenario.actor(expectation.actor())
                    .map(a -> a.handle().equalsIgnoreCase(alert.authorHandle().replaceFirst("^@", ""))).orElse(false);
            // without its mentions, any REACH alert of the exercise counts for the expected viral post
            case "REACH" -> alert.externalIds() == null || alert.externalIds().contains(refIds.get(expectation.ref()));
            default -> false;
        };
    }

    static Timing timing(ClockMap clock, Instant at, Duration deadline) {
        if (at == null) {
            return new Timing(null, null, null, null, null, deadline == null ? null : deadline.toString(), deadline == null ? null : false);
        }
        long scenarioMs = clock.scenarioMs(at);
        long wallMs = clock.wallMs(at);
        return new Timing(Duration.ofMillis(scenarioMs).toString(), scenarioMs, Duration.ofMillis(wallMs).toString(), wallMs, at,
                deadline == null ? null : deadline.toString(), deadline == null ? null : scenarioMs <= deadline.toMillis());
    }
}
