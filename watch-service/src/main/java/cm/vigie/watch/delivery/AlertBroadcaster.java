package cm.vigie.watch.delivery;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.alert.AlertEventsCommitted;

/**
 * Tells this replica's stream feed that alert events were committed here, so that it reads them at once rather than on
 * the notification's round trip through PostgreSQL (the other replicas learn of them by that notification, sent by
 * the writer's transaction). Webhooks do not go through here: their deliveries were queued in the same transaction as
 * the event.
 */
@ApplicationScoped
public class AlertBroadcaster {

    private final AlertFeed feed;

    AlertBroadcaster(AlertFeed feed) {
        this.feed = feed;
    }

    /** Call only after the transaction that wrote the events committed. */
    public void publish(List<AlertEvent> events) {
        if (!events.isEmpty()) {
            feed.wakeUp();
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertEventsCommitted committed) {
        publish(committed.events());
    }
}
