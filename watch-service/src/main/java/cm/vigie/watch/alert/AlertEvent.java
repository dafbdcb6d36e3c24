package cm.vigie.watch.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of an alert, numbered in commit order per the whole service: the SSE stream's event id and the
 * webhooks' payload.
 *
 * @param payload the alert as JSON ({@link AlertView})
 */
public record AlertEvent(long id, String institutionId, UUID alertId, String type, Severity severity, String payload,
        Instant createdAt) {

    public static final String CREATED = "ALERT_CREATED";
    public static final String UPDATED = "ALERT_UPDATED";
    public static final String ACKNOWLEDGED = "ALERT_ACKNOWLEDGED";
    public static final String RESOLVED = "ALERT_RESOLVED";
    public static final java.util.List<String> TYPES = java.util.List.of(CREATED, UPDATED, ACKNOWLEDGED, RESOLVED);

    /**
     * The PostgreSQL channel on which a transaction that wrote events announces, on commit, the institution they
     * belong to (the payload): every replica's stream feed then reads them (docs/adr/0030-live-alerts-across-replicas.md).
     */
    public static final String CHANNEL = "vigie_alert_events";
}
