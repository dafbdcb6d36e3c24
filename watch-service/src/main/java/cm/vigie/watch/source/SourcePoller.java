package cm.vigie.watch.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import cm.vigie.commons.cluster.ClusterChanges;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.watch.mention.IngestResult;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Polls the sources whose connector is a {@link PollingConnector} when they are due: on success the next poll comes
 * after the source's interval; after {@code n} failures in a row it waits {@code backoffBase × 2^(n-1)}, at most
 * {@code backoffMax}, or as long as the platform's {@code Retry-After} asked. Sources are claimed row by row
 * ({@code SKIP LOCKED}), so replicas share the work; a source created or changed on any replica (topic {@value #TOPIC})
 * makes every replica look for due sources at once rather than at its next tick.
 */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);

    /** What one poll did, as shown to whoever asked for it. */
    public record Outcome(UUID sourceId, boolean success, boolean notModified, int accepted, int duplicates, int rejected,
            String error) {
    }

    /** The {@link ClusterChanges} topic of source changes, scoped by institution. */
    public static final String TOPIC = "sources";

    private final Connectors connectors;
    private final SourceStatusStore statuses;
    private final SourceIngestion ingestion;
    private final SourcesSettings settings;
    private final InstitutionDirectory directory;
    private final ClusterChanges changes;
    private final ManagedExecutor executor;
    private final AtomicBoolean pollRequested = new AtomicBoolean();
    private AutoCloseable following;

    SourcePoller(Connectors connectors, SourceStatusStore statuses, SourceIngestion ingestion, SourcesSettings settings,
            InstitutionDirectory directory, ClusterChanges changes, ManagedExecutor executor) {
        this.connectors = connectors;
        this.statuses = statuses;
        this.ingestion = ingestion;
        this.settings = settings;
        this.directory = directory;
        this.changes = changes;
        this.executor = executor;
    }

    void start(@Observes StartupEvent start) {
        if (settings.schedule()) {
            following = changes.follow(TOPIC, institution -> pollSoon());
        }
    }

    @PreDestroy
    void stop() throws Exception {
        if (following != null) {
            following.close();
        }
    }

    /** Announces, in the caller's transaction, that a source of the institution was created or changed. */
    void announce(String institutionId) {
        changes.announce(TOPIC, institutionId);
    }

    /** Looks for due sources off the notifying thread; changes arriving meanwhile share one look. */
    private void pollSoon() {
        if (pollRequested.compareAndSet(false, true)) {
            executor.execute(() -> {
                pollRequested.set(false);
                try {
                    pollDue();
                } catch (RuntimeException e) {
                    LOG.warn("Polling after a source change failed; the next tick retries", e);
                }
            });
        }
    }

    @Scheduled(every = "${vigie.watch.sources.tick:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (settings.schedule()) {
            pollDue();
        }
    }

    /**
     * Polls every source due now, a batch at a time; answers what each poll did. The sources of suspended
     * institutions are skipped and keep their schedule: they are due again at the first tick after reactivation.
     */
    public List<Outcome> pollDue() {
        Set<String> polled = connectors.types().stream().filter(type -> connectors.polling(type).isPresent())
                .collect(Collectors.toSet());
        Instant now = Instant.now();
        List<SourceStatusStore.Due> due = statuses.claimDue(polled, directory.suspendedNow(), settings.batch(), now,
                now.plus(settings.lease()));
        return due.stream().map(this::poll).toList();
    }

    /** Polls one source now, whatever its schedule (its next poll is rescheduled from the outcome). */
    public Outcome pollNow(UUID sourceId) {
        return statuses.due(sourceId).map(this::poll)
                .orElseThrow(() -> new IllegalStateException("no status for source " + sourceId));
    }

    Outcome poll(SourceStatusStore.Due due) {
        SourceSettings source = due.settings();
        Instant started = Instant.now();
        try {
            PollingConnector connector = connectors.polling(source.type())
                    .orElseThrow(() -> new ConnectorException("no polling connector for type " + source.type()));
            Fetch fetch = connector.fetch(source, due.cursor());
            IngestResult result = fetch.mentions().isEmpty() ? new IngestResult(0, 0, List.of())
                    : ingestion.ingest(source.institutionId(), fetch.mentions());
            statuses.recordSuccess(source.id(), started, result.accepted(), fetch.next(),
                    started.plus(Duration.ofMinutes(due.pollIntervalMinutes())));
            if (!result.rejected().isEmpty()) {
                LOG.debugf("Source %s: %d items refused by ingestion", source.id(), result.rejected().size());
            }
            return new Outcome(source.id(), true, fetch.notModified(), result.accepted(), result.duplicates(),
                    result.rejected().size(), null);
        } catch (ConnectorException e) {
            return failed(due, started, e.getMessage(), e.retryAfter().orElse(null));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Polling source %s failed", source.id());
            return failed(due, started, "internal error while collecting", null);
        }
    }

    private Outcome failed(SourceStatusStore.Due due, Instant at, String error, Duration retryAfter) {
        Duration wait = backoff(due.consecutiveFailures() + 1, retryAfter);
        statuses.recordFailure(due.settings().id(), at, error, at.plus(wait));
        return new Outcome(due.settings().id(), false, false, 0, 0, 0, error);
    }

    /** The wait after the given number of failures in a row. */
    Duration backoff(int failures, Duration retryAfter) {
        Duration max = settings.backoffMax();
        Duration exponential = settings.backoffBase().multipliedBy(1L << Math.min(failures - 1, 20));
        Duration wait = exponential.compareTo(max) > 0 ? max : exponential;
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        return wait;
    }
}
