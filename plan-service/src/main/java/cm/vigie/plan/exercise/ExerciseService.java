package cm.vigie.plan.exercise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.quota.InstitutionQuotas;
import cm.vigie.commons.quota.Quota;
import cm.vigie.commons.quota.QuotaExceeded;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.accounts.AccountsSettings;
import cm.vigie.plan.audit.PlanAudit;
import cm.vigie.plan.exercise.ExerciseHttp.RemoteFailure;
import cm.vigie.plan.exercise.scenario.Scenario;
import cm.vigie.plan.exercise.scenario.ScenarioLibrary;
import cm.vigie.plan.watch.WatchSettings;
import cm.vigie.plan.workflow.Clocks;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Starts, steers and deletes exercises. Setup and deletion talk to watch-service and accounts-service with the
 * caller's token, outside any database transaction; the runner ({@code runner.ExerciseRunner}) posts the injects.
 */
@ApplicationScoped
public class ExerciseService {

    private static final Logger LOG = Logger.getLogger(ExerciseService.class);
    static final String TARGET = "EXERCISE";
    public static final String WATCHLISTS = "/api/watch/watchlists";
    public static final String HOAXES = "/api/watch/hoaxes";
    public static final String PERSONS = "/api/accounts/persons";
    public static final String WATCH_EXERCISES = "/api/watch/exercises/";

    private final ExerciseRepository exercises;
    private final ScenarioLibrary library;
    private final ExerciseHttp http;
    private final WatchSettings watch;
    private final AccountsSettings accounts;
    private final PlanAudit audit;
    private final CurrentInstitution institution;
    private final ExerciseSettings settings;
    private final InstitutionQuotas quotas;

    ExerciseService(ExerciseRepository exercises, ScenarioLibrary library, ExerciseHttp http, WatchSettings watch,
            AccountsSettings accounts, PlanAudit audit, CurrentInstitution institution, ExerciseSettings settings,
            InstitutionQuotas quotas) {
        this.quotas = quotas;
        this.settings = settings;
        this.exercises = exercises;
        this.library = library;
        this.http = http;
        this.watch = watch;
        this.accounts = accounts;
        this.audit = audit;
        this.institution = institution;
    }

    public List<Scenario> scenarios() {
        return library.all();
    }

    public Scenario scenarioOf(Exercise exercise) {
        return library.find(exercise.scenarioId).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "exercise.scenario-unknown"));
    }

    /** Creates the scenario's watchlists, hoaxes and persons, then the exercise (RUNNING); undoes the setup on failure. */
    public Exercise start(StartRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Scenario scenario = library.find(request.scenarioId()).orElse(null);
        if (scenario == null) {
            errors.add(new FieldError("scenarioId", "exercise.scenario-unknown"));
        }
        if (request.speed() == null || !List.of(1, 10, 60).contains(request.speed())) {
            errors.add(new FieldError("speed", "exercise.speed"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        String institutionId = institution.slug().orElseThrow();
        // refused before anything is set up; checked again, under the quota's lock, when the exercise is saved
        quotas.requireBelow(Quota.RUNNING_EXERCISES, institutionId, exercises.inProgress());
        String actor = audit.actor();
        UUID id = UUID.randomUUID();
        Setup setup = new Setup(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        try {
            setUp(id, scenario, setup);
        } catch (RemoteFailure failure) {
            LOG.warnf("Exercise %s of %s could not be set up: %s", id, institutionId, failure.getMessage());
            try {
                tearDown(id, setup);
            } catch (RemoteFailure cleanup) {
                LOG.errorf("Exercise %s: setup left behind after a failed start: %s", id, cleanup.getMessage());
            }
            throw new ProblemException(ProblemType.BAD_GATEWAY, "exercise.setup-failed", failure.getMessage());
        }
        Instant now = Clocks.now();
        try {
            return save(request, scenario, institutionId, actor, id, setup, now);
        } catch (QuotaExceeded raced) {
            try {
                tearDown(id, setup);
            } catch (RemoteFailure cleanup) {
                LOG.errorf("Exercise %s: setup left behind after a refused start: %s", id, cleanup.getMessage());
            }
            throw raced;
        }
    }

    private Exercise save(StartRequest request, Scenario scenario, String institutionId, String actor, UUID id,
            Setup setup, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            quotas.requireRoom(Quota.RUNNING_EXERCISES, institutionId, exercises::inProgress);
            Exercise exercise = new Exercise();
            exercise.id = id;
            exercise.institutionId = institutionId;
            exercise.scenarioId = scenario.id();
            exercise.speed = request.speed();
            exercise.status = ExerciseStatus.RUNNING;
            exercise.startedBy = actor;
            exercise.startedAt = now;
            exercise.clockMs = 0;
            exercise.clockAt = now;
            exercise.nextPost = 0;
            exercise.postsTotal = scenario.timeline().size();
            exercise.setup = setup;
            exercises.persist(exercise);
            event(exercise, "START", now, 0, actor);
            audit.record(institutionId, "STARTED", TARGET, id, null, exercise.status.name(), null, null,
                    Map.of("scenarioId", scenario.id(), "speed", request.speed(), "setup", setup));
            return exercise;
        });
    }

    public Exercise get(UUID id) {
        return exercises.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("exercise.not-found"));
    }

    public PageResponse<Exercise> list(ExerciseStatus status, PageRequest page) {
        var query = exercises.search(status).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    @Transactional
    public Exercise pause(UUID id) {
        Exercise exercise = locked(id);
        require(exercise, "paused", ExerciseStatus.RUNNING);
        Instant now = Clocks.now();
        exercise.clockMs = exercise.scenarioMs(now, scenarioOf(exercise).duration());
        exercise.clockAt = now;
        return moved(exercise, ExerciseStatus.PAUSED, "PAUSE", "PAUSED", now);
    }

    @Transactional
    public Exercise resume(UUID id) {
        Exercise exercise = locked(id);
        require(exercise, "resumed", ExerciseStatus.PAUSED);
        Instant now = Clocks.now();
        exercise.clockAt = now;
        return moved(exercise, ExerciseStatus.RUNNING, "RESUME", "RESUMED", now);
    }

    @Transactional
    public Exercise stop(UUID id) {
        Exercise exercise = locked(id);
        require(exercise, "stopped", ExerciseStatus.RUNNING, ExerciseStatus.PAUSED);
        Instant now = Clocks.now();
        exercise.clockMs = exercise.scenarioMs(now, scenarioOf(exercise).duration());
        exercise.clockAt = now;
        exercise.endedAt = now;
        exercise.pendingTo = null;
        exercise.pendingClockMs = null;
        exercise.pendingClockAt = null;
        return moved(exercise, ExerciseStatus.STOPPED, "STOP", "STOPPED", now);
    }

    /** The team's decision (anyone taking part), in scenario time; a later one replaces it. */
    @Transactional
    public Exercise decide(UUID id, DecisionRequest request) {
        Exercise exercise = locked(id);
        Instant now = Clocks.now();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("decision", exercise.decision);
        before.put("note", exercise.decisionNote);
        exercise.decision = request.decision();
        exercise.decisionNote = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        exercise.decidedBy = audit.actor();
        exercise.decidedAt = now;
        exercise.decidedClockMs = exercise.scenarioMs(now, scenarioOf(exercise).duration());
        exercises.flush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", exercise.decision);
        after.put("note", exercise.decisionNote);
        audit.record(exercise.institutionId, "DECIDED", TARGET, id, exercise.status.name(), exercise.status.name(),
                exercise.decisionNote, before, after);
        return exercise;
    }

    /**
     * Deletes the exercise everywhere: the persons it created (accounts-service), its watch data
     * ({@code DELETE /api/watch/exercises/{id}}), then its response plans, events and itself here. A running
     * exercise must be stopped first, so no inject lands after the watch data is gone.
     */
    public void delete(UUID id) {
        Exercise exercise = get(id);
        if (exercise.status == ExerciseStatus.RUNNING || exercise.status == ExerciseStatus.PAUSED) {
            throw ProblemException.invalidTransition("exercise.delete-active", exercise.status.name());
        }
        try {
            tearDown(id, exercise.setup);
        } catch (RemoteFailure failure) {
            throw new ProblemException(ProblemType.BAD_GATEWAY, "exercise.cleanup-failed", failure.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Exercise gone = exercises.locked(id);
            if (gone == null) {
                return;
            }
            long plans = exercises.getEntityManager()
                    .createQuery("delete from ResponsePlan where exerciseId = :id").setParameter("id", id).executeUpdate();
            exercises.getEntityManager().createQuery("delete from ExerciseEvent where exerciseId = :id")
                    .setParameter("id", id).executeUpdate();
            exercises.delete(gone);
            audit.record(gone.institutionId, "DELETED", TARGET, id, gone.status.name(), null,
                    "with " + plans + " response plan(s) and its watch data", null, null);
        });
    }

    private void setUp(UUID id, Scenario scenario, Setup setup) throws RemoteFailure {
        String suffix = " [exercice " + id.toString().substring(0, 8) + "]";
        for (Scenario.Person person : scenario.persons()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fullName", person.fullName());
            body.put("titles", person.titles());
            body.put("aliases", person.aliases());
            JsonNode created = http.asCaller("POST", accountsUrl() + PERSONS, body, 201, 200);
            setup.persons().put(person.id(), UUID.fromString(created.path("id").asText()));
        }
        for (Scenario.Hoax hoax : scenario.hoaxes()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("claims", hoax.claims());
            body.put("verdict", hoax.verdict());
            if (hoax.debunkUrl() != null) {
                body.put("debunkUrl", hoax.debunkUrl());
            }
            body.put("shared", false);
            body.put("exerciseId", id);
            JsonNode created = http.asCaller("POST", base(watch.url()) + HOAXES, body, 201, 200);
            setup.hoaxes().put(hoax.id(), UUID.fromString(created.path("id").asText()));
        }
        for (Scenario.Watchlist watchlist : scenario.watchlists()) {
            Map<String, Object> body = new LinkedHashMap<>();
            String name = watchlist.name();
            body.put("name", (name.length() + suffix.length() > 200 ? name.substring(0, 200 - suffix.length()) : name) + suffix);
            body.put("query", watchlist.query());
            body.put("severity", watchlist.severity());
            body.put("alertRules", AlertRules.of(scenario, watchlist.id()));
            body.put("exerciseId", id);
            JsonNode created = http.asCaller("POST", base(watch.url()) + WATCHLISTS, body, 201, 200);
            setup.watchlists().put(watchlist.id(), UUID.fromString(created.path("id").asText()));
        }
    }

    /** Removes what an exercise created elsewhere; what is already gone (404) counts as removed. */
    private void tearDown(UUID id, Setup setup) throws RemoteFailure {
        for (UUID person : setup.persons().values()) {
            http.asCaller("DELETE", accountsUrl() + PERSONS + "/" + person, null, 204, 200, 404);
        }
        http.asCaller("DELETE", base(watch.url()) + WATCH_EXERCISES + id, null, 204, 200, 404);
    }

    private Exercise locked(UUID id) {
        Exercise exercise = exercises.locked(id);
        if (exercise == null) {
            throw ProblemException.notFound("exercise.not-found");
        }
        return exercise;
    }

    private static void require(Exercise exercise, String action, ExerciseStatus... allowed) {
        if (!List.of(allowed).contains(exercise.status)) {
            throw ProblemException.invalidTransition("exercise.transition", exercise.status.name(), action);
        }
    }

    private Exercise moved(Exercise exercise, ExerciseStatus to, String event, String action, Instant now) {
        String from = exercise.status.name();
        exercise.status = to;
        exercises.flush();
        event(exercise, event, now, exercise.clockMs, audit.actor());
        audit.record(exercise.institutionId, action, TARGET, exercise.id, from, to.name(), null, null, null);
        return exercise;
    }

    private void event(Exercise exercise, String kind, Instant at, long clockMs, String actor) {
        ExerciseEvent event = new ExerciseEvent();
        event.id = UUID.randomUUID();
        event.exerciseId = exercise.id;
        event.institutionId = exercise.institutionId;
        event.kind = kind;
        event.at = at;
        event.clockMs = clockMs;
        event.actor = actor;
        exercises.getEntityManager().persist(event);
    }

    private String accountsUrl() {
        return base(settings.accountsUrl().orElse(accounts.url()));
    }

    static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
