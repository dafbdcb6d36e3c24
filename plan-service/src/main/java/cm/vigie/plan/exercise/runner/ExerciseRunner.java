package cm.vigie.plan.exercise.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import cm.vigie.commons.tenancy.ServiceKey;
import cm.vigie.plan.exercise.ExerciseHttp;
import cm.vigie.plan.exercise.ExerciseHttp.RemoteFailure;
import cm.vigie.plan.exercise.ExerciseSettings;
import cm.vigie.plan.exercise.scenario.Scenario;
import cm.vigie.plan.exercise.scenario.Scenario.Post;
import cm.vigie.plan.exercise.scenario.ScenarioLibrary;
import cm.vigie.plan.watch.WatchSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Plays running exercises: every tick it advances each one's scenario clock and posts the injects that fell due,
 * as one batch, to watch-service's internal ingestion with the service key. The batch's range is stored before it
 * is sent, so a failed batch is retried as is (same posts, same Idempotency-Key) and no inject is lost or doubled.
 * Runs without a caller, for every institution: it reads the exercise table with plain SQL (row locks with
 * SKIP LOCKED, so replicas share the work).
 */
@ApplicationScoped
public class ExerciseRunner {

    private static final Logger LOG = Logger.getLogger(ExerciseRunner.class);
    public static final String INGEST = "/internal/watch/mentions/batch";
    public static final String INSTITUTION_HEADER = "X-Vigie-Institution";

    /** An exercise's state as one tick saw it, with the batch to send (empty when nothing is due). */
    record Step(UUID id, String institutionId, String scenarioId, int speed, long clockMs, Instant clockAt, int from, int to) {
    }

    private final EntityManager entityManager;
    private final ScenarioLibrary library;
    private final ExerciseHttp http;
    private final ServiceKey serviceKey;
    private final WatchSettings watch;
    private final ExerciseSettings settings;
    private final Map<String, List<Post>> timelines = new ConcurrentHashMap<>();

    ExerciseRunner(EntityManager entityManager, ScenarioLibrary library, ExerciseHttp http, ServiceKey serviceKey,
            WatchSettings watch, ExerciseSettings settings) {
        this.entityManager = entityManager;
        this.library = library;
        this.http = http;
        this.serviceKey = serviceKey;
        this.watch = watch;
        this.settings = settings;
    }

    /**
     * After a restart, running exercises resume from their persisted clock: the time the service was down does not
     * count as scenario time (a RESTART event keeps the wall-to-scenario mapping of the debrief right).
     */
    void resumeAfterRestart(@Observes StartupEvent start) {
        int resumed = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            entityManager.createNativeQuery("""
                    INSERT INTO exercise_event (id, exercise_id, institution_id, kind, at, clock_ms, actor)
                    SELECT gen_random_uuid(), id, institution_id, 'RESTART', :now, clock_ms, 'system'
                    FROM exercise WHERE status = 'RUNNING'""").setParameter("now", now).executeUpdate();
            return entityManager.createNativeQuery("UPDATE exercise SET clock_at = :now WHERE status = 'RUNNING'")
                    .setParameter("now", now).executeUpdate();
        });
        if (resumed > 0) {
            LOG.infof("Resumed %d running exercise(s) from their persisted clock", resumed);
        }
    }

    @Scheduled(every = "${vigie.exercises.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        tick();
    }

    /** One round over every running exercise; answers how many posts watch-service accepted. */
    public int tick() {
        List<UUID> running = QuarkusTransaction.requiringNew().call(() -> ids(entityManager
                .createNativeQuery("SELECT id FROM exercise WHERE status = 'RUNNING' ORDER BY started_at").getResultList()));
        int sent = 0;
        for (UUID id : running) {
            try {
                sent += play(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Exercise %s: tick failed", id);
            }
        }
        return sent;
    }

    private int play(UUID id) {
        Step step = QuarkusTransaction.requiringNew().call(() -> advance(id));
        if (step == null) {
            return 0;
        }
        Scenario scenario = library.find(step.scenarioId()).orElseThrow();
        if (step.to() > step.from()) {
            List<Post> posts = timeline(scenario).subList(step.from(), step.to());
            try {
                http.send("POST", base(watch.url()) + INGEST, batch(step, posts), Map.of(ServiceKey.HEADER, serviceKey.value(),
                        INSTITUTION_HEADER, step.institutionId(), "Idempotency-Key", "ex-" + id + "-" + step.from() + "-" + step.to()),
                        202, 200);
            } catch (RemoteFailure failure) {
                LOG.warnf("Exercise %s: posts %d-%d not accepted yet, retried next tick: %s", id, step.from(), step.to(),
                        failure.getMessage());
                QuarkusTransaction.requiringNew().run(() -> entityManager
                        .createNativeQuery("UPDATE exercise SET last_error = :error WHERE id = :id")
                        .setParameter("error", truncate(failure.getMessage())).setParameter("id", id).executeUpdate());
                return 0;
            }
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    UPDATE exercise SET next_post = :to, pending_to = NULL, pending_clock_ms = NULL, pending_clock_at = NULL,
                        last_error = NULL, version = version + 1
                    WHERE id = :id AND next_post = :from""")
                    .setParameter("to", step.to()).setParameter("from", step.from()).setParameter("id", id).executeUpdate());
        }
        complete(id, scenario);
        return step.to() - step.from();
    }

    /** Moves the clock; fixes the next batch (unless one is already pending): the posts due by now, at most batchSize. */
    private Step advance(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT institution_id, scenario_id, speed, clock_ms, clock_at, next_post, pending_to, pending_clock_ms, pending_clock_at
                FROM exercise
                WHERE id = :id AND status = 'RUNNING' FOR UPDATE SKIP LOCKED""").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        String scenarioId = (String) row[1];
        Scenario scenario = library.find(scenarioId).orElse(null);
        if (scenario == null) {
            LOG.errorf("Exercise %s: scenario %s is no longer in the library; exercise left as it is", id, scenarioId);
            return null;
        }
        int speed = ((Number) row[2]).intValue();
        long clockMs = ((Number) row[3]).longValue();
        Instant clockAt = instant(row[4]);
        int next = ((Number) row[5]).intValue();
        Integer pending = row[6] == null ? null : ((Number) row[6]).intValue();
        // what PostgreSQL keeps: a retried batch then carries exactly the publication times of the first attempt
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long clock = Math.min(scenario.duration().toMillis(),
                clockMs + Math.max(0, Duration.between(clockAt, now).toMillis()) * speed);
        List<Post> timeline = timeline(scenario);
        int to = pending != null ? pending : next;
        long batchClock = clock;
        Instant batchAt = now;
        if (pending == null) {
            while (to < timeline.size() && to - next < settings.batchSize() && timeline.get(to).at().toMillis() <= clock) {
                to++;
            }
        } else {
            // a retry: the batch as it was cut, publication times included
            batchClock = ((Number) row[7]).longValue();
            batchAt = instant(row[8]);
        }
        boolean has = to > next;
        entityManager.createNativeQuery("""
                UPDATE exercise SET clock_ms = :clock, clock_at = :now,
                    pending_to = CASE WHEN :has THEN :pending ELSE NULL END,
                    pending_clock_ms = CASE WHEN :has THEN :batchClock ELSE NULL END,
                    pending_clock_at = CASE WHEN :has THEN CAST(:batchAt AS timestamptz) ELSE NULL END WHERE id = :id""")
                .setParameter("clock", clock).setParameter("now", now).setParameter("has", has)
                .setParameter("pending", to).setParameter("batchClock", batchClock).setParameter("batchAt", batchAt)
                .setParameter("id", id).executeUpdate();
        return new Step(id, (String) row[0], scenarioId, speed, batchClock, batchAt, next, to);
    }

    /** RUNNING → COMPLETED once every post is accepted and the scenario time is over. */
    private void complete(UUID id, Scenario scenario) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            int done = entityManager.createNativeQuery("""
                    UPDATE exercise SET status = 'COMPLETED', ended_at = :now, version = version + 1
                    WHERE id = :id AND status = 'RUNNING' AND next_post >= posts_total AND pending_to IS NULL
                      AND clock_ms >= :duration""")
                    .setParameter("now", now).setParameter("id", id).setParameter("duration", scenario.duration().toMillis())
                    .executeUpdate();
            if (done > 0) {
                entityManager.createNativeQuery("""
                        INSERT INTO exercise_event (id, exercise_id, institution_id, kind, at, clock_ms, actor)
                        SELECT gen_random_uuid(), id, institution_id, 'COMPLETE', :now, clock_ms, 'system' FROM exercise WHERE id = :id""")
                        .setParameter("now", now).setParameter("id", id).executeUpdate();
                LOG.infof("Exercise %s completed", id);
            }
        });
    }

    private Map<String, Object> batch(Step step, List<Post> posts) {
        List<Map<String, Object>> mentions = new ArrayList<>();
        for (Post post : posts) {
            // published when the scenario clock reached the post's time
            long lateMs = Math.max(0, step.clockMs() - post.at().toMillis()) / step.speed();
            Map<String, Object> author = new LinkedHashMap<>();
            author.put("handle", post.actor().handle());
            author.put("displayName", post.actor().displayName());
            author.put("followers", post.actor().followers());
            author.put("createdAt", post.actor().createdAt().toString());
            Map<String, Object> mention = new LinkedHashMap<>();
            mention.put("platform", post.platform());
            mention.put("externalId", post.externalId(step.id()));
            mention.put("author", author);
            mention.put("text", post.text());
            mention.put("language", post.lang());
            mention.put("publishedAt", step.clockAt().minusMillis(lateMs).toString());
            if (post.metrics() != null) {
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("likes", post.metrics().likes());
                metrics.put("shares", post.metrics().shares());
                metrics.put("comments", post.metrics().comments());
                metrics.put("views", post.metrics().views());
                mention.put("metrics", metrics);
            }
            mentions.add(mention);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mentions", mentions);
        body.put("exerciseId", step.id().toString());
        return body;
    }

    public List<Post> timeline(Scenario scenario) {
        return timelines.computeIfAbsent(scenario.id(), ignored -> scenario.timeline());
    }

    private static List<UUID> ids(List<?> rows) {
        return rows.stream().map(r -> r instanceof UUID u ? u : UUID.fromString(r.toString())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
