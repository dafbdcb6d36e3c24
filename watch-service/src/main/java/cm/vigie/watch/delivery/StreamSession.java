package cm.vigie.watch.delivery;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.alert.Severity;

/**
 * One SSE client. Live events that arrive while the missed ones are replayed wait in a queue, and no event goes out
 * twice. Ids are taken before commit, so concurrent batches may publish them out of order: a live event with a lower
 * id than one already sent is still sent (only ids already sent are skipped).
 */
final class StreamSession {

    private final SseEventSink sink;
    private final Sse sse;
    private final Severity minSeverity;
    private final List<AlertEvent> queued = new ArrayList<>();
    private boolean replaying = true;
    private static final int REMEMBERED = 10_000;
    private final long replayedUpTo;
    private final java.util.Set<Long> sent = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private Runnable unsubscribe = () -> {
    };

    StreamSession(SseEventSink sink, Sse sse, Severity minSeverity, long lastEventId) {
        this.sink = sink;
        this.sse = sse;
        this.minSeverity = minSeverity;
        this.replayedUpTo = lastEventId;
    }

    void unsubscribeWith(Runnable unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    synchronized void live(AlertEvent event) {
        if (replaying) {
            queued.add(event);
        } else {
            send(event);
        }
    }

    synchronized void replayed(List<AlertEvent> missed) {
        missed.forEach(this::send);
        queued.sort(java.util.Comparator.comparingLong(AlertEvent::id));
        queued.forEach(this::send);
        queued.clear();
        replaying = false;
    }

    synchronized void heartbeat() {
        if (sink.isClosed()) {
            close();
            return;
        }
        sink.send(sse.newEventBuilder().comment("keep-alive").build()).whenComplete((ok, failure) -> {
            if (failure != null) {
                close();
            }
        });
    }

    boolean closed() {
        return sink.isClosed();
    }

    void close() {
        unsubscribe.run();
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    private void send(AlertEvent event) {
        if (!event.severity().atLeast(minSeverity) || sent.contains(event.id())
                || replaying && event.id() <= replayedUpTo) {
            return;
        }
        if (sink.isClosed()) {
            close();
            return;
        }
        sent.add(event.id());
        // no explicit media type: RESTEasy Reactive would write it as a "content-type:" line, which is no SSE field
        sink.send(sse.newEventBuilder().id(Long.toString(event.id())).name(event.type())
                .data(String.class, event.payload()).build())
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        close();
                    }
                });
    }
}
