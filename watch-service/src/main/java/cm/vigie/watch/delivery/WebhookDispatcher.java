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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued webhook deliveries: signed POSTs, retried with exponential backoff, FAILED after the last
 * attempt; a webhook that fails too many times in a row disables itself. Rows are claimed with SKIP LOCKED, so
 * several instances of the service share the queue without sending anything twice.
 *
 * <p>Each attempt has a total deadline ({@code vigie.watch.webhooks.timeout}, connection to last byte of the answer):
 * a target that answers its headers and then stalls is cut off there. A claimed row is leased (its next attempt moved
 * past the deadline) and the claim commits at once; each attempt records its own outcome when it ends, so a stuck
 * target never holds the batch, the queue or other targets' deliveries. At most
 * {@code per-target-in-flight} attempts per webhook are under way at once in this instance (ADR 0028).
 *
 * <p>Exercise alerts go only to exercise webhooks (the queue is written so, and checked again here before sending).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String EXERCISE_WITHHELD = "exercise alert withheld from a real webhook";

    private final DataSource dataSource;
    private final WebhookSettings settings;
    private final InstitutionDirectory directory;
    private final HttpClient http;
    /** Cuts attempts off at their deadline. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    /** Attempts under way in this instance, per webhook. */
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger inFlightTotal = new AtomicInteger();

    WebhookDispatcher(DataSource dataSource, WebhookSettings settings, InstitutionDirectory directory) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.directory = directory;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @PreDestroy
    void close() {
        deadlines.shutdownNow();
    }

    private record Due(UUID id, UUID webhookId, String institutionId, long eventId, String eventType, String payload,
            int attempts, String url, String secret, boolean exerciseWebhook, boolean exerciseAlert) {
    }

    private record Attempt(Due delivery, Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Scheduled(every = "${vigie.watch.webhooks.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            while (dispatchOnce() == settings.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("Webhook dispatch failed", e);
        }
    }

    /** Claims one batch of due deliveries and starts them; answers how many were claimed. */
    int dispatchOnce() throws SQLException {
        int room = settings.batchSize() - inFlightTotal.get();
        if (room <= 0) {
            return 0;
        }
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> claim(room));
        for (Due delivery : due) {
            started(delivery);
            send(delivery).whenComplete((attempt, failure) -> finished(delivery,
                    attempt != null ? attempt : new Attempt(delivery, null, describe(failure))));
        }
        return due.size();
    }

    private void started(Due delivery) {
        inFlightTotal.incrementAndGet();
        inFlight.computeIfAbsent(delivery.webhookId(), id -> new AtomicInteger()).incrementAndGet();
    }

    private void finished(Due delivery, Attempt attempt) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    record(connection, attempt, Instant.now());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not record webhook delivery %s (retried when its lease ends): %s", delivery.id(), e.getMessage());
        } finally {
            inFlightTotal.decrementAndGet();
            inFlight.computeIfPresent(delivery.webhookId(), (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    /** Webhooks with as many attempts under way here as one target may have. */
    private UUID[] saturatedTargets() {
        return inFlight.entrySet().stream().filter(e -> e.getValue().get() >= settings.perTargetInFlight())
                .map(Map.Entry::getKey).toArray(UUID[]::new);
    }

    /**
     * Claims due deliveries (at most {@code per-target-in-flight} per webhook, none of a saturated one) and leases
     * them past the attempt's deadline, so that no other dispatcher takes them while they are under way. The
     * deliveries of a suspended institution stay PENDING, untouched, and go out once it is reactivated.
     */
    private List<Due> claim(int limit) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT d.id, d.webhook_id, d.institution_id, d.event_id, d.event_type, d.payload::text AS payload,
                           d.attempts, w.url, w.secret, w.exercise, d.payload->>'exerciseId' IS NOT NULL AS exercise_alert
                      FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                     WHERE d.id IN (SELECT q.id FROM (
                                SELECT p.id, row_number() OVER (PARTITION BY p.webhook_id ORDER BY p.next_attempt_at) AS n
                                  FROM webhook_delivery p
                                 WHERE p.status = 'PENDING' AND p.next_attempt_at <= now()
                                   AND NOT (p.webhook_id = ANY (?)) AND NOT (p.institution_id = ANY (?))) q
                             WHERE q.n <= ?)
                       AND d.status = 'PENDING' AND d.next_attempt_at <= now() AND w.active
                     ORDER BY d.next_attempt_at
                     LIMIT ? FOR UPDATE OF d SKIP LOCKED""")) {
                statement.setArray(1, connection.createArrayOf("uuid", saturatedTargets()));
                statement.setArray(2, connection.createArrayOf("varchar", directory.suspendedNow().toArray()));
                statement.setInt(3, settings.perTargetInFlight());
                statement.setInt(4, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Due(rows.getObject("id", UUID.class), rows.getObject("webhook_id", UUID.class),
                                rows.getString("institution_id"), rows.getLong("event_id"), rows.getString("event_type"),
                                rows.getString("payload"), rows.getInt("attempts"), rows.getString("url"),
                                rows.getString("secret"), rows.getBoolean("exercise"), rows.getBoolean("exercise_alert")));
                    }
                }
            }
            if (!due.isEmpty()) {
                try (PreparedStatement lease = connection.prepareStatement(
                        "UPDATE webhook_delivery SET next_attempt_at = now() + ? * interval '1 millisecond' WHERE id = ANY (?)")) {
                    lease.setLong(1, settings.timeout().plusSeconds(30).toMillis());
                    lease.setArray(2, connection.createArrayOf("uuid", due.stream().map(Due::id).toArray(UUID[]::new)));
                    lease.executeUpdate();
                }
            }
        }
        return due;
    }

    private CompletableFuture<Attempt> send(Due delivery) {
        if (delivery.exerciseAlert() && !delivery.exerciseWebhook()) {
            return CompletableFuture.completedFuture(new Attempt(delivery, null, EXERCISE_WITHHELD));
        }
        var refusal = WebhookUrlGuard.refusal(delivery.url(), settings.allowPrivateAddresses());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Attempt(delivery, null, "address not allowed"));
        }
        byte[] body = ("{\"id\":" + delivery.eventId() + ",\"type\":\"" + delivery.eventType() + "\",\"institution\":\""
                + delivery.institutionId() + "\",\"exercise\":" + delivery.exerciseAlert() + ",\"alert\":"
                + delivery.payload() + "}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Vigie-Webhooks/1")
                    .header("X-Vigie-Event", delivery.eventType())
                    .header("X-Vigie-Delivery", delivery.id().toString())
                    .header("X-Vigie-Exercise", Boolean.toString(delivery.exerciseAlert()))
                    .header(WebhookSigner.HEADER, WebhookSigner.sign(delivery.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(delivery, null, "invalid URL"));
        }
        long deadline = settings.timeout().toMillis();
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        // the request timeout only bounds the wait for the headers: the deadline bounds the whole exchange
        var cut = deadlines.schedule(() -> call.cancel(true), deadline, TimeUnit.MILLISECONDS);
        return call.handle((response, failure) -> {
            cut.cancel(false);
            if (failure == null) {
                return new Attempt(delivery, response.statusCode(),
                        response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode());
            }
            if (failure instanceof CancellationException || failure.getCause() instanceof CancellationException) {
                return new Attempt(delivery, null, "no complete answer within " + deadline + " ms");
            }
            return new Attempt(delivery, null, describe(failure));
        });
    }

    private void record(Connection connection, Attempt attempt, Instant now) throws SQLException {
        Due delivery = attempt.delivery();
        int attempts = delivery.attempts() + 1;
        boolean withheld = EXERCISE_WITHHELD.equals(attempt.error());
        String status = attempt.delivered() ? "DELIVERED"
                : withheld || attempts >= settings.maxAttempts() ? "FAILED" : "PENDING";
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
        if (withheld) {
            return; // not the target's failure
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
