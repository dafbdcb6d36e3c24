package cm.vigie.watch.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the monthly partitions of the mentions (ADR 0031): from the month of the retention horizon to
 * {@code months-ahead} months ahead they exist, and a month that ended before the horizon is detached and dropped
 * whole. Runs at start and then every {@code vigie.watch.retention.every}; safe on several replicas (creation
 * serialises on an advisory lock and creates only what is missing, expiry is done by one replica at a time).
 */
@ApplicationScoped
public class MentionPartitions {

    private static final Logger LOG = Logger.getLogger(MentionPartitions.class);

    /** What one run did. */
    public record Outcome(List<YearMonth> created, List<MonthPartitions.Dropped> dropped) {
    }

    private final DataSource dataSource;
    private final RetentionSettings settings;
    private final RetentionPurge purge;

    MentionPartitions(DataSource dataSource, RetentionSettings settings, RetentionPurge purge) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.purge = purge;
    }

    /** The oldest publication time the platform keeps: mentions published before it are refused, their months dropped. */
    public Instant horizon(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusMonths(settings.months()).toInstant();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            maintain(Instant.now());
        } catch (RuntimeException e) {
            // the migration created this month and the next three; the scheduled run tries again
            LOG.warnf("mention partitions not maintained at start: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${vigie.watch.retention.every:1h}", delayed = "${vigie.watch.retention.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant now = Instant.now();
        maintain(now);
        purge.run(now);
    }

    /** Creates the missing months of the window and drops the expired ones. */
    public Outcome maintain(Instant now) {
        YearMonth first = YearMonth.from(horizon(now).atZone(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(settings.monthsAhead());
        try (Connection connection = dataSource.getConnection()) {
            List<YearMonth> created = MonthPartitions.create(connection, first, last, settings.lockTimeout());
            List<MonthPartitions.Dropped> dropped = MonthPartitions.dropEndingBefore(connection, horizon(now),
                    settings.lockTimeout());
            if (!created.isEmpty() || !dropped.isEmpty()) {
                LOG.infof("mention partitions: created %s, dropped %s", created, dropped);
            }
            return new Outcome(created, dropped);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
