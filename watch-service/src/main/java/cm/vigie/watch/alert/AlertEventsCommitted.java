package cm.vigie.watch.alert;

import java.util.List;

/** Fired inside a transaction that wrote alert events; observed after it commits to feed the live streams. */
public record AlertEventsCommitted(List<AlertEvent> events) {
}
