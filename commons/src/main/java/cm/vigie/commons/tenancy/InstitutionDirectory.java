package cm.vigie.commons.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

/**
 * The institutions the platform knows, kept in memory and refreshed from their source of truth.
 * <p>
 * A known institution is answered from memory; a stale snapshot is answered at once and refreshed in the
 * background, so a suspension is seen within the maximum age plus one load. An unknown slug waits for the load in
 * progress, or triggers one (at most every {@link #MIN_RELOAD_INTERVAL}), so that a newly onboarded institution is
 * accepted at once, even by concurrent first requests. When the source is down, the last snapshot keeps serving.
 */
public abstract class InstitutionDirectory {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(15);
    public static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(InstitutionDirectory.class);

    private record Snapshot(Map<String, KnownInstitution> bySlug, Instant loadedAt) {
    }

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(Map.of(), Instant.EPOCH));
    private final AtomicReference<CompletableFuture<Snapshot>> reloading = new AtomicReference<>();
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
                reload();
            }
            return CompletableFuture.completedFuture(Optional.of(known));
        }
        CompletableFuture<Snapshot> running = reloading.get();
        if (running != null || lastAttempt.plus(MIN_RELOAD_INTERVAL).isBefore(now)) {
            return (running != null ? running : reload()).thenApply(loaded -> Optional.ofNullable(loaded.bySlug().get(slug)));
        }
        return CompletableFuture.completedFuture(Optional.empty());
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
