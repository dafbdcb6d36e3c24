package cm.vigie.watch.delivery;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.watch.alert.Severity;
import io.quarkus.scheduler.Scheduled;

/**
 * The open SSE streams: replay what the client missed up to the settled id, then hand the stream to the feed, which
 * carries on from there with the events of every replica; keep them alive, and end them when they must.
 */
@ApplicationScoped
public class AlertStreams {

    private final AlertFeed feed;
    private final AlertEventLog log;
    private final InstitutionDirectory directory;

    AlertStreams(AlertFeed feed, AlertEventLog log, InstitutionDirectory directory) {
        this.feed = feed;
        this.log = log;
        this.directory = directory;
    }

    /**
     * Opens a stream that ends at {@code expiresAt} (the token's expiry; null: never by time); {@code release}
     * (idempotent: it gives back the caller's stream slot) is called when it ends.
     */
    public void open(String institutionId, SseEventSink sink, Sse sse, Severity minSeverity, Long lastEventId, Instant expiresAt,
            Runnable release) {
        long settled = log.settledId();
        StreamSession session = new StreamSession(institutionId, sink, sse, minSeverity,
                lastEventId == null ? settled : lastEventId, expiresAt);
        if (lastEventId != null) {
            // beyond MAX_REPLAY missed events, the stream goes on from the settled id (the API says so)
            log.between(institutionId, lastEventId, settled, AlertEventLog.MAX_REPLAY).forEach(session::offer);
        }
        session.advanceTo(settled);
        session.unsubscribeWith(() -> {
            feed.remove(session);
            release.run();
        });
        feed.add(session);
    }

    /** Comments keep proxies from closing idle streams and reveal the clients that left. */
    @Scheduled(every = "${vigie.watch.stream.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (StreamSession session : feed.sessions()) {
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
        for (StreamSession session : feed.sessions()) {
            if (session.expiredAt(now)) {
                session.end(StreamSession.TOKEN_EXPIRED);
            } else if (suspended.contains(session.institutionId())) {
                session.end(StreamSession.INSTITUTION_SUSPENDED);
            }
        }
    }

    int open() {
        return feed.sessions().size();
    }
}
