package cm.vigie.watch.delivery;

import java.time.Instant;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.alert.Severity;

/**
 * One SSE client. Events go out in strictly increasing id order, each at most once: the session remembers the last id
 * it was offered (sent, or skipped by its minimum severity), and the feed only offers settled ids. So the client's
 * Last-Event-ID says exactly what it has, and any replica resumes after it without a gap or a repeat.
 */
final class StreamSession {

    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String INSTITUTION_SUSPENDED = "INSTITUTION_SUSPENDED";
    /** The last event of a stream that the service ends; it has no id, so the client's Last-Event-ID stays. */
    static final String STREAM_CLOSED = "STREAM_CLOSED";

    private final String institutionId;
    private final Instant expiresAt;
    private final SseEventSink sink;
    private final Sse sse;
    private final Severity minSeverity;
    private boolean ended;
    /** The last event id offered to this stream. */
    private long position;
    private Runnable unsubscribe = () -> {
    };

    StreamSession(String institutionId, SseEventSink sink, Sse sse, Severity minSeverity, long position, Instant expiresAt) {
        this.institutionId = institutionId;
        this.expiresAt = expiresAt;
        this.sink = sink;
        this.sse = sse;
        this.minSeverity = minSeverity;
        this.position = position;
    }

    void unsubscribeWith(Runnable unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    synchronized long position() {
        return position;
    }

    /** Offers the next event; callers offer them in id order, and one at or below the position is ignored. */
    synchronized void offer(AlertEvent event) {
        if (event.id() <= position) {
            return;
        }
        position = event.id();
        if (!ended && event.severity().atLeast(minSeverity)) {
            send(event);
        }
    }

    /** Nothing more of this institution up to {@code id}: the stream moves on to it. */
    synchronized void advanceTo(long id) {
        position = Math.max(position, id);
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

    boolean expiredAt(Instant now) {
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
        if (sink.isClosed()) {
            close();
            return;
        }
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
