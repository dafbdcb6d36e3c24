package cm.vigie.plan.exercise.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.plan.exercise.Exercise;
import cm.vigie.plan.exercise.ExerciseEvent;
import cm.vigie.plan.exercise.ExerciseRepository;
import cm.vigie.plan.exercise.ExerciseService;
import cm.vigie.plan.exercise.runner.ExerciseRunner;
import cm.vigie.plan.exercise.scenario.Scenario;
import cm.vigie.plan.remote.Lookup;
import cm.vigie.plan.remote.RemoteJson;
import cm.vigie.plan.response.ResponsePlan;
import cm.vigie.plan.watch.WatchSettings;
import cm.vigie.plan.workflow.ItemStatus;

/**
 * Gathers what happened in an exercise and scores it: alerts from watch-service ({@code GET /api/watch/alerts?exerciseId=}
 * and each alert's mentions, with the caller's token), response plans and decision from here.
 */
@ApplicationScoped
public class DebriefService {

    static final String ALERTS = "/api/watch/alerts";
    static final int MAX_PAGES = 20;

    private final ExerciseService exercises;
    private final ExerciseRepository repository;
    private final ExerciseRunner runner;
    private final RemoteJson remote;
    private final WatchSettings watch;
    private final EntityManager entityManager;

    DebriefService(ExerciseService exercises, ExerciseRepository repository, ExerciseRunner runner, RemoteJson remote,
            WatchSettings watch, EntityManager entityManager) {
        this.exercises = exercises;
        this.repository = repository;
        this.runner = runner;
        this.remote = remote;
        this.watch = watch;
        this.entityManager = entityManager;
    }

    public Debrief debrief(UUID id) {
        Exercise exercise = exercises.get(id);
        Scenario scenario = exercises.scenarioOf(exercise);
        Instant now = Instant.now();
        List<String> warnings = new ArrayList<>();

        List<ClockMap.Change> changes = new ArrayList<>();
        List<Debrief.Mark> clockMarks = new ArrayList<>();
        for (ExerciseEvent event : repository.events(id)) {
            changes.add(new ClockMap.Change(event.at, event.clockMs, event.running()));
            if (List.of("PAUSE", "RESUME", "STOP").contains(event.kind)) {
                clockMarks.add(new Debrief.Mark(event.kind, event.actor, event.clockMs));
            }
        }
        ClockMap clock = new ClockMap(exercise.startedAt, exercise.speed, changes);

        List<Scorer.AlertFact> alerts = alerts(id, warnings);
        List<Scorer.PlanFact> plans = entityManager
                .createQuery("from ResponsePlan where exerciseId = :id order by createdAt, id", ResponsePlan.class)
                .setParameter("id", id).getResultList().stream().map(DebriefService::plan).toList();
        Scorer.ExerciseFacts facts = new Scorer.ExerciseFacts(exercise.id, exercise.scenarioId, exercise.status,
                exercise.speed, exercise.startedAt, exercise.scenarioMs(now, scenario.duration()), exercise.nextPost,
                exercise.setup, exercise.decision, exercise.decidedAt);
        return Scorer.score(scenario, runner.timeline(scenario), facts, clock, alerts, plans, clockMarks, warnings);
    }

    private static Scorer.PlanFact plan(ResponsePlan p) {
        Instant approvedAt = null;
        if (List.of(ItemStatus.APPROVED, ItemStatus.PUBLISHED, ItemStatus.CLOSED).contains(p.status) && !p.approvals.isEmpty()) {
            approvedAt = p.approvals.get(p.approvals.size() - 1).at();
        }
        return new Scorer.PlanFact(p.id, p.title, p.createdAt, approvedAt, p.publishedAt, p.plan == null ? null : p.plan.decision());
    }

    private List<Scorer.AlertFact> alerts(UUID id, List<String> warnings) {
        List<Scorer.AlertFact> alerts = new ArrayList<>();
        Duration timeout = watch.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : watch.timeout();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("exerciseId", id.toString());
            query.put("page", Integer.toString(page));
            query.put("size", "100");
            Lookup<JsonNode> answer = remote.get("watch-service", watch.url(), ALERTS, query, timeout);
            if (!(answer instanceof Lookup.Found<JsonNode> found)) {
                String reason = answer instanceof Lookup.Unavailable<JsonNode> down ? down.reason() : "watch-service answered 404";
                throw new ProblemException(ProblemType.UNAVAILABLE, "exercise.debrief-unavailable", reason);
            }
            JsonNode items = found.value().path("items");
            for (JsonNode alert : items) {
                // watch-service filters by exerciseId; this guards against a server that ignores the parameter
                String exerciseId = alert.path("exerciseId").asText(null);
                if (exerciseId != null && !exerciseId.equals(id.toString())) {
                    continue;
                }
                UUID alertId = UUID.fromString(alert.path("id").asText());
                alerts.add(new Scorer.AlertFact(alertId, alert.path("ruleType").asText(alert.path("rule").asText(null)),
                        uuid(alert, "watchlistId"), uuid(alert, "hoaxId"), alert.path("authorHandle").asText(null),
                        alert.path("title").asText(null), Instant.parse(alert.path("createdAt").asText()),
                        alert.hasNonNull("acknowledgedAt") ? Instant.parse(alert.path("acknowledgedAt").asText()) : null,
                        externalIds(alertId, timeout, warnings)));
            }
            long total = found.value().path("total").asLong(items.size());
            if (items.isEmpty() || (long) (page + 1) * 100 >= total) {
                break;
            }
        }
        return alerts;
    }

    private Set<String> externalIds(UUID alertId, Duration timeout, List<String> warnings) {
        Lookup<JsonNode> answer = remote.get("watch-service", watch.url(), ALERTS + "/" + alertId + "/mentions",
                Map.of("size", "100"), timeout);
        if (answer instanceof Lookup.Found<JsonNode> found) {
            JsonNode items = found.value().isArray() ? found.value() : found.value().path("items");
            Set<String> ids = new HashSet<>();
            for (JsonNode mention : items) {
                if (mention.hasNonNull("externalId")) {
                    ids.add(mention.path("externalId").asText());
                }
            }
            return ids;
        }
        warnings.add("mentions of alert " + alertId + " could not be read: noise and viral posts not checked for it");
        return null;
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
