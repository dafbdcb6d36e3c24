package cm.vigie.watch.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Operators see the alert-delivery backlog in the metrics that k8s/monitoring alerts on. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class WebhookBacklogTest {

    @Inject
    DataSource dataSource;

    @Inject
    WebhookBacklog backlog;

    @Test
    void aDeliveryStuckForAnHourShowsInTheBacklogGaugesUntilItLeavesTheQueue() throws SQLException {
        UUID webhook = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        execute("""
                INSERT INTO webhook (id, institution_id, url, secret, event_types, min_severity, active, consecutive_failures,
                                     created_at, updated_at, version)
                VALUES (?, 'minsante', 'https://hooks.example.org/vigie', 'secret', '["ALERT_CREATED"]', 'LOW', true, 0, now(), now(), 0)""",
                webhook);
        execute("""
                INSERT INTO webhook_delivery (id, institution_id, webhook_id, event_id, event_type, payload, status, attempts,
                                              next_attempt_at, created_at)
                VALUES (?, 'minsante', ?, 1, 'ALERT_CREATED', '{}', 'PENDING', 3, now() + interval '1 day', now() - interval '1 hour')""",
                delivery, webhook);

        backlog.refresh();
        assertTrue(backlog.pending() >= 1, "the stuck delivery is counted");
        assertTrue(backlog.oldestSeconds() >= 3_600, "its age is an hour or more: " + backlog.oldestSeconds());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("vigie_webhook_deliveries_pending"))
                .body(containsString("vigie_webhook_delivery_oldest_pending_seconds"));

        execute("DELETE FROM webhook WHERE id = ?", webhook);
        backlog.refresh();
        assertTrue(backlog.oldestSeconds() < 3_600, "once delivered or dropped it no longer counts: " + backlog.oldestSeconds());
    }

    private void execute(String sql, UUID... ids) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                statement.setObject(i + 1, ids[i]);
            }
            statement.executeUpdate();
        }
    }
}
