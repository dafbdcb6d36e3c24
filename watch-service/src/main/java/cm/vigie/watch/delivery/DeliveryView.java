package cm.vigie.watch.delivery;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent (or being sent) to a webhook")
public record DeliveryView(
        UUID id,
        @Schema(description = "Id of the alert event", examples = "42") long eventId,
        @Schema(examples = "ALERT_CREATED") String eventType,
        @Schema(description = "PENDING, DELIVERED or FAILED", examples = "DELIVERED") String status,
        @Schema(examples = "1") int attempts,
        @Schema(description = "Next attempt of a PENDING delivery") Instant nextAttemptAt,
        @Schema(examples = "200") Integer lastStatusCode,
        @Schema(examples = "connection refused") String lastError,
        Instant createdAt,
        Instant deliveredAt) {
}
