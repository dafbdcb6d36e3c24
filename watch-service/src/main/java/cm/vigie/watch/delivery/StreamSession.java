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

    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String INSTITUTION_SUSPENDED = "INSTITUTION_SUSPENDED";
    /** The last event of a stream that the service ends; it has no id, so the client's Last-Event-ID stays. */
    static final String STREAM_CLOSED = "STREAM_CLOSED";

    private final String institutionId;
    private final java.time.Instant expiresAt;
    private boolean ended;
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

    StreamSession(String institutionId, SseEventSink sink, Sse sse, Severity minSeverity, long lastEventId,
            java.time.Instant expiresAt) {
        this.institutionId = institutionId;
        this.expiresAt = expiresAt;
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
        if (ended) {
            return;
        }
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

    String institutionId() {
        return institutionId;
    }

    boolean expiredAt(java.time.Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Tells the client why, then closes: nothing more is sent on this stream. */
    synchronized void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        unsubscribe.run();
        if (sink.isClosed()) {
            return;
        }
        sink.send(sse.newEventBuilder().name(STREAM_CLOSED).data(String.class, "{\"reason\":\"" + reason + "\"}").build())
                .whenComplete((ok, failure) -> close());
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
        if (ended || !event.severity().atLeast(minSeverity) || sent.contains(event.id())
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
