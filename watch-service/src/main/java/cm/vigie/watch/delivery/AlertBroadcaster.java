package cm.vigie.watch.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cm.vigie.watch.alert.AlertEvent;

/**
 * Hands committed alert events to the live SSE streams of their institution. Webhooks do not go through here:
 * their deliveries were queued in the same transaction as the event.
 */
@ApplicationScoped
public class AlertBroadcaster {

    private static final Logger LOG = Logger.getLogger(AlertBroadcaster.class);

    private final Map<String, Set<Consumer<AlertEvent>>> listeners = new ConcurrentHashMap<>();

    /** Call only after the transaction that wrote the events committed. */
    public void publish(List<AlertEvent> events) {
        for (AlertEvent event : events) {
            for (Consumer<AlertEvent> listener : listeners.getOrDefault(event.institutionId(), Set.of())) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.debug("A stream listener failed", e);
                }
            }
        }
    }

    void onCommitted(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            cm.vigie.watch.alert.AlertEventsCommitted committed) {
        publish(committed.events());
    }

    public Runnable subscribe(String institutionId, Consumer<AlertEvent> listener) {
        listeners.computeIfAbsent(institutionId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.getOrDefault(institutionId, Set.of()).remove(listener);
    }

    int listenerCount() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
