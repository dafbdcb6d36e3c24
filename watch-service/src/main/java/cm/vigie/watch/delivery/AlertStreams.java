package cm.vigie.watch.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import cm.vigie.watch.alert.Severity;
import io.quarkus.scheduler.Scheduled;

/** The open SSE streams: subscribe live first, then replay what the client missed, then keep them alive. */
@ApplicationScoped
public class AlertStreams {

    private final AlertBroadcaster broadcaster;
    private final AlertEventLog log;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();

    AlertStreams(AlertBroadcaster broadcaster, AlertEventLog log) {
        this.broadcaster = broadcaster;
        this.log = log;
    }

    /** Opens a stream; {@code release} (idempotent: it gives back the caller's stream slot) is called when it ends. */
    public void open(String institutionId, SseEventSink sink, Sse sse, Severity minSeverity, Long lastEventId,
            Runnable release) {
        StreamSession session = new StreamSession(sink, sse, minSeverity, lastEventId == null ? 0 : lastEventId);
        Runnable unsubscribe = broadcaster.subscribe(institutionId, session::live);
        session.unsubscribeWith(() -> {
            unsubscribe.run();
            sessions.remove(session);
            release.run();
        });
        sessions.add(session);
        session.replayed(lastEventId == null ? java.util.List.of() : log.after(institutionId, lastEventId));
    }

    /** Comments keep proxies from closing idle streams and reveal the clients that left. */
    @Scheduled(every = "${vigie.watch.stream.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (StreamSession session : sessions) {
            session.heartbeat();
        }
    }

    int open() {
        return sessions.size();
    }
}
