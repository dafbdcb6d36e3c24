package cm.vigie.watch.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued webhook deliveries: signed POSTs, retried with exponential backoff, FAILED after the last
 * attempt; a webhook that fails too many times in a row disables itself. Rows are claimed with SKIP LOCKED, so
 * several instances of the service share the queue without sending anything twice.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DataSource dataSource;
    private final WebhookSettings settings;
    private final InstitutionDirectory directory;
    private final HttpClient http;

    WebhookDispatcher(DataSource dataSource, WebhookSettings settings, InstitutionDirectory directory) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.directory = directory;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Due(UUID id, UUID webhookId, String institutionId, long eventId, String eventType, String payload,
            int attempts, String url, String secret) {
    }

    private record Attempt(Due delivery, Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Scheduled(every = "${vigie.watch.webhooks.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            while (QuarkusTransaction.requiringNew().timeout((int) settings.timeout().toSeconds() + 30).call(this::dispatchOnce) == settings.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook dispatch failed", e);
        }
    }

    /** Sends one batch of due deliveries; answers how many were attempted. */
    int dispatchOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Due> due = claim(connection);
            if (due.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Attempt>> attempts = new ArrayList<>();
            for (Due delivery : due) {
                attempts.add(send(delivery));
            }
            Instant now = Instant.now();
            for (CompletableFuture<Attempt> attempt : attempts) {
                record(connection, attempt.join(), now);
            }
            return due.size();
        }
    }

    /** The deliveries of a suspended institution stay PENDING, untouched, and go out once it is reactivated. */
    private List<Due> claim(Connection connection) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT d.id, d.webhook_id, d.institution_id, d.event_id, d.event_type, d.payload::text AS payload, d.attempts,
                       w.url, w.secret
                  FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                 WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND w.active
                   AND d.institution_id <> ALL (?)
                 ORDER BY d.next_attempt_at
                 LIMIT ? FOR UPDATE OF d SKIP LOCKED""")) {
            statement.setArray(1, connection.createArrayOf("varchar", directory.suspendedNow().toArray()));
            statement.setInt(2, settings.batchSize());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getObject("id", UUID.class), rows.getObject("webhook_id", UUID.class),
                            rows.getString("institution_id"), rows.getLong("event_id"), rows.getString("event_type"),
                            rows.getString("payload"), rows.getInt("attempts"), rows.getString("url"), rows.getString("secret")));
                }
            }
        }
        return due;
    }

    private CompletableFuture<Attempt> send(Due delivery) {
        var refusal = WebhookUrlGuard.refusal(delivery.url(), settings.allowPrivateAddresses());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Attempt(delivery, null, "address not allowed"));
        }
        byte[] body = ("{\"id\":" + delivery.eventId() + ",\"type\":\"" + delivery.eventType() + "\",\"institution\":\""
                + delivery.institutionId() + "\",\"alert\":" + delivery.payload() + "}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Vigie-Webhooks/1")
                    .header("X-Vigie-Event", delivery.eventType())
                    .header("X-Vigie-Delivery", delivery.id().toString())
                    .header(WebhookSigner.HEADER, WebhookSigner.sign(delivery.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(delivery, null, "invalid URL"));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Attempt(delivery, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                .exceptionally(failure -> new Attempt(delivery, null, describe(failure)));
    }

    private void record(Connection connection, Attempt attempt, Instant now) throws SQLException {
        Due delivery = attempt.delivery();
        int attempts = delivery.attempts() + 1;
        String status = attempt.delivered() ? "DELIVERED" : attempts >= settings.maxAttempts() ? "FAILED" : "PENDING";
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?,
                       delivered_at = ? WHERE id = ?""")) {
            statement.setString(1, status);
            statement.setInt(2, attempts);
            statement.setTimestamp(3, Timestamp.from(now.plus(backoff(attempts))));
            statement.setObject(4, attempt.statusCode());
            statement.setString(5, attempt.error());
            statement.setTimestamp(6, attempt.delivered() ? Timestamp.from(now) : null);
            statement.setObject(7, delivery.id());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(attempt.delivered()
                ? "UPDATE webhook SET consecutive_failures = 0 WHERE id = ?"
                : """
                        UPDATE webhook SET consecutive_failures = consecutive_failures + 1,
                               active = consecutive_failures + 1 < ?,
                               disabled_reason = CASE WHEN consecutive_failures + 1 >= ? THEN ? ELSE disabled_reason END,
                               updated_at = CASE WHEN consecutive_failures + 1 >= ? THEN now() ELSE updated_at END
                         WHERE id = ?""")) {
            if (attempt.delivered()) {
                statement.setObject(1, delivery.webhookId());
            } else {
                int limit = settings.disableAfterFailures();
                statement.setInt(1, limit);
                statement.setInt(2, limit);
                statement.setString(3, limit + " failed deliveries in a row; last: " + attempt.error());
                statement.setInt(4, limit);
                statement.setObject(5, delivery.webhookId());
            }
            statement.executeUpdate();
        }
    }

    /** Wait before attempt {@code attempts + 1}: initial, then doubling, capped. */
    Duration backoff(int attempts) {
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(30, Math.max(0, attempts - 1)));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
