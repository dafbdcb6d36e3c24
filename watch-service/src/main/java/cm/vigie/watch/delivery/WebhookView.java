package cm.vigie.watch.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.watch.alert.Severity;

@Schema(name = "Webhook", description = "A webhook of the caller's institution (its secret is never shown)")
public record WebhookView(
        UUID id,
        @Schema(examples = "https://hooks.minsante.cm/vigie") String url,
        @Schema(examples = "[\"ALERT_CREATED\"]") List<String> eventTypes,
        @Schema(examples = "HIGH") Severity minSeverity,
        @Schema(examples = "true") boolean active,
        @Schema(description = "Failed attempts in a row", examples = "0") int consecutiveFailures,
        @Schema(description = "Why it disabled itself", examples = "20 failed deliveries in a row") String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "An exercise destination: receives only exercise alerts", examples = "false") boolean exercise) {

    static WebhookView of(Webhook w) {
        return new WebhookView(w.id, w.url, w.eventTypes, w.minSeverity, w.active, w.consecutiveFailures, w.disabledReason,
                w.createdAt, w.updatedAt, w.exercise);
    }
}
