package cm.vigie.watch.delivery;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.watch.alert.Severity;
import io.quarkus.scheduler.Scheduled;

/** The open SSE streams: subscribe live first, then replay what the client missed, then keep them alive. */
@ApplicationScoped
public class AlertStreams {

    private final AlertBroadcaster broadcaster;
    private final AlertEventLog log;
    private final InstitutionDirectory directory;
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();

    AlertStreams(AlertBroadcaster broadcaster, AlertEventLog log, InstitutionDirectory directory) {
        this.broadcaster = broadcaster;
        this.log = log;
        this.directory = directory;
    }

    /**
     * Opens a stream that ends at {@code expiresAt} (the token's expiry; null: never by time); {@code release}
     * (idempotent: it gives back the caller's stream slot) is called when it ends.
     */
    public void open(String institutionId, SseEventSink sink, Sse sse, Severity minSeverity, Long lastEventId, Instant expiresAt,
            Runnable release) {
        StreamSession session = new StreamSession(institutionId, sink, sse, minSeverity, lastEventId == null ? 0 : lastEventId,
                expiresAt);
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

    /**
     * Ends the streams whose token expired and those of suspended institutions: a request is checked only when it
     * starts, a stream lives on. Also keeps the directory fresh, so a suspension ends them within its maximum age
     * plus this period.
     */
    @Scheduled(every = "${vigie.watch.stream.check-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void enforce() {
        Set<String> suspended = directory.suspendedNow();
        Instant now = Instant.now();
        for (StreamSession session : sessions) {
            if (session.expiredAt(now)) {
                session.end(StreamSession.TOKEN_EXPIRED);
            } else if (suspended.contains(session.institutionId())) {
                session.end(StreamSession.INSTITUTION_SUSPENDED);
            }
        }
    }

    int open() {
        return sessions.size();
    }
}
