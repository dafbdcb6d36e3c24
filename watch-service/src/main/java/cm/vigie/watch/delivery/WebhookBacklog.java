package cm.vigie.watch.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * The alert-delivery backlog, for operators: webhook deliveries still waiting (first attempt or retry) and the age of
 * the oldest, across all institutions. Read from the queue on a schedule, so that a scrape never queries the database.
 * Exposed as {@code vigie_webhook_deliveries_pending} and {@code vigie_webhook_delivery_oldest_pending_seconds};
 * {@code k8s/monitoring} alerts on them.
 */
@ApplicationScoped
public class WebhookBacklog {

    private static final Logger LOG = Logger.getLogger(WebhookBacklog.class);

    /** Deliveries of suspended institutions are held on purpose: counted apart, so they do not page anyone. */
    private static final String BACKLOG = """
            SELECT count(*) FILTER (WHERE NOT held),
                   coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE NOT held)), 0),
                   count(*) FILTER (WHERE held)
              FROM (SELECT created_at, institution_id = ANY (?) AS held FROM webhook_delivery WHERE status = 'PENDING') d""";

    private final DataSource dataSource;
    private final InstitutionDirectory directory;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final AtomicLong held = new AtomicLong();

    WebhookBacklog(DataSource dataSource, MeterRegistry registry, InstitutionDirectory directory) {
        this.dataSource = dataSource;
        this.directory = directory;
        Gauge.builder("vigie.webhook.deliveries.held", held, AtomicLong::get)
                .description("Webhook deliveries held while their institution is suspended (sent on reactivation)")
                .register(registry);
        Gauge.builder("vigie.webhook.deliveries.pending", pending, AtomicLong::get)
                .description("Webhook deliveries not yet delivered (waiting for their first attempt or a retry)")
                .register(registry);
        Gauge.builder("vigie.webhook.delivery.oldest.pending.seconds", oldestSeconds, AtomicLong::get)
                .description("Age in seconds of the oldest webhook delivery still pending")
                .register(registry);
    }

    @Scheduled(every = "${vigie.watch.webhooks.backlog-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(BACKLOG)) {
            statement.setArray(1, connection.createArrayOf("varchar", directory.suspendedNow().toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                pending.set(row.getLong(1));
                oldestSeconds.set(Math.round(row.getDouble(2)));
                held.set(row.getLong(3));
            }
        } catch (SQLException e) {
            LOG.warnf("Could not read the webhook delivery backlog: %s", e.getMessage());
        }
    }

    long pending() {
        return pending.get();
    }

    long held() {
        return held.get();
    }

    long oldestSeconds() {
        return oldestSeconds.get();
    }
}
