package cm.vigie.commons.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/**
 * The institutions the platform knows, kept in memory and refreshed from their source of truth.
 * <p>
 * A known institution is answered from memory; a stale snapshot is answered at once and refreshed in the
 * background, so a suspension is seen within the maximum age plus one load. A snapshot that nobody refreshed for a
 * whole maximum age (an idle service) is not trusted: the lookup waits for one load, so that an old answer never
 * outlives a suspension by more than that. An unknown slug waits for the load in progress, or for the next load (at most
 * one every {@link #MIN_RELOAD_INTERVAL}), so that a newly onboarded institution is accepted, even by concurrent
 * first requests and by those that come just after a load. When the source is down, the last snapshot keeps serving.
 * <p>
 * Work that no request starts (open streams, polling, webhook deliveries) asks {@link #suspendedNow()} on its own
 * schedule; requests without a token (calendar feeds) and internal calls ask {@link #requireActive(String)}.
 */
public abstract class InstitutionDirectory {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(15);
    public static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(2);
    /** How long {@link #requireActive(String)} waits for a load before refusing. */
    public static final Duration LOOKUP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(InstitutionDirectory.class);

    private record Snapshot(Map<String, KnownInstitution> bySlug, Instant loadedAt, Set<String> suspended) {
        Snapshot(Map<String, KnownInstitution> bySlug, Instant loadedAt) {
            this(bySlug, loadedAt, bySlug.values().stream().filter(known -> !known.active()).map(KnownInstitution::slug)
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(Map.of(), Instant.EPOCH));
    private final AtomicReference<CompletableFuture<Snapshot>> reloading = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Snapshot>> delayedReload = new AtomicReference<>();
    private volatile Instant lastAttempt = Instant.EPOCH;
    private final Clock clock;
    private final Duration maxAge;

    protected InstitutionDirectory(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Loads every institution from the source of truth. Blocking; called on {@link #executor()}. */
    protected abstract List<KnownInstitution> load() throws Exception;

    protected abstract Executor executor();

    public CompletionStage<Optional<KnownInstitution>> find(String slug) {
        Snapshot current = snapshot.get();
        KnownInstitution known = current.bySlug().get(slug);
        Instant now = clock.instant();
        if (known != null) {
            if (current.loadedAt().plus(maxAge).isBefore(now)) {
                boolean idle = lastAttempt.plus(maxAge).isBefore(now);
                CompletableFuture<Snapshot> loading = reload();
                if (idle) {
                    return loading.thenApply(loaded -> Optional.ofNullable(loaded.bySlug().get(slug)));
                }
            }
            return CompletableFuture.completedFuture(Optional.of(known));
        }
        CompletableFuture<Snapshot> running = reloading.get();
        Instant allowed = lastAttempt.plus(MIN_RELOAD_INTERVAL);
        CompletableFuture<Snapshot> loading = running != null ? running
                : allowed.isBefore(now) ? reload() : reloadAfter(Duration.between(now, allowed));
        return loading.thenApply(loaded -> Optional.ofNullable(loaded.bySlug().get(slug)));
    }

    /**
     * One load once {@code delay} has passed, shared by every lookup that asks meanwhile: a load that ran moments ago
     * may have run just before the institution was onboarded (or before the source knew it at start-up), so an unknown
     * slug waits for the next allowed load rather than being refused on that old answer.
     */
    private CompletableFuture<Snapshot> reloadAfter(Duration delay) {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> pending = delayedReload.compareAndExchange(null, mine);
        if (pending != null) {
            return pending;
        }
        CompletableFuture.delayedExecutor(delay.toMillis() + 1, TimeUnit.MILLISECONDS).execute(() -> {
            delayedReload.set(null);
            reload().thenAccept(mine::complete);
        });
        return mine;
    }

    /**
     * The slugs of the suspended institutions, from memory (a stale snapshot is refreshed in the background), for
     * work that runs on a schedule rather than per request. Call it at least once per maximum age to keep the snapshot
     * fresh: a suspension then shows within the maximum age, one load and the caller's period.
     */
    public Set<String> suspendedNow() {
        Snapshot current = snapshot.get();
        if (current.loadedAt().plus(maxAge).isBefore(clock.instant())) {
            reload();
        }
        return current.suspended();
    }

    /**
     * Refuses (403 institution-suspended) an institution that is suspended or unknown. Blocks up to
     * {@link #LOOKUP_WAIT} when a load is needed: call it from a worker thread (internal calls, calendar feeds).
     */
    public void requireActive(String slug) {
        boolean active;
        try {
            active = find(slug).toCompletableFuture().get(LOOKUP_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .map(KnownInstitution::active).orElse(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active = false;
        } catch (ExecutionException | TimeoutException e) {
            active = false;
        }
        if (!active) {
            throw new ProblemException(ProblemType.INSTITUTION_SUSPENDED, "problem.institution-suspended.detail");
        }
    }

    /**
     * Reloads in the background because the source of truth changed (another replica's change, told by a
     * notification or a version check): a load already running may have read before the change, so another one
     * follows it. Not limited by {@link #MIN_RELOAD_INTERVAL}.
     */
    public CompletionStage<Void> changed() {
        CompletableFuture<Snapshot> running = reloading.get();
        CompletableFuture<Snapshot> next = running == null ? reload() : running.thenCompose(done -> reload());
        return next.thenApply(loaded -> null);
    }

    /** Reloads now, on the caller's thread. Call after a local change of status so that it applies at once. */
    public void reloadNow() throws Exception {
        lastAttempt = clock.instant();
        snapshot.set(snapshotOf(load()));
    }

    private CompletableFuture<Snapshot> reload() {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = reloading.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        lastAttempt = clock.instant();
        try {
            executor().execute(() -> {
                try {
                    Snapshot loaded = snapshotOf(load());
                    snapshot.set(loaded);
                    finish(mine, loaded);
                } catch (Exception | LinkageError e) {
                    LOG.warnf("Could not load the institutions directory, keeping the last one: %s", e.toString());
                    finish(mine, snapshot.get());
                }
            });
        } catch (RuntimeException rejected) {
            finish(mine, snapshot.get());
        }
        return mine;
    }

    private Snapshot snapshotOf(List<KnownInstitution> institutions) {
        return new Snapshot(institutions.stream()
                .collect(Collectors.toUnmodifiableMap(KnownInstitution::slug, Function.identity(), (a, b) -> a)),
                clock.instant());
    }

    private void finish(CompletableFuture<Snapshot> future, Snapshot result) {
        reloading.set(null);
        future.complete(result);
    }
}
