package cm.vigie.watch.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cm.vigie.commons.cluster.ClusterNotifications;
import cm.vigie.watch.alert.AlertEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds this replica's open streams from the alert event log, whichever replica wrote the events: one thread reads the
 * settled events after its cursor, for the institutions with open streams here, and offers them to their sessions in
 * id order. It reads when a writer's commit is announced (on {@link AlertEvent#CHANNEL}, from any replica, or by
 * {@link AlertBroadcaster} in this one), and at least every {@link AlertFeedSettings#catchUpEvery()} while streams are
 * open, so a lost notification delays an event but never loses it.
 */
@ApplicationScoped
public class AlertFeed {

    private static final Logger LOG = Logger.getLogger(AlertFeed.class);

    private final AlertEventLog log;
    private final ClusterNotifications notifications;
    private final AlertFeedSettings settings;
    private final Map<String, Set<StreamSession>> sessions = new ConcurrentHashMap<>();
    private final Semaphore wakeUp = new Semaphore(0);
    /** Every event at or below it was offered to the sessions that were open when it was read; -1: none open. */
    private long cursor = -1;
    private volatile boolean running;
    private Thread thread;
    private AutoCloseable subscription;

    AlertFeed(AlertEventLog log, ClusterNotifications notifications, AlertFeedSettings settings) {
        this.log = log;
        this.notifications = notifications;
        this.settings = settings;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        subscription = notifications.subscribe(AlertEvent.CHANNEL, this::announced, this::wakeUp);
        thread = Thread.ofPlatform().daemon().name("vigie-alert-feed").start(this::run);
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Could not unsubscribe from alert events", e);
            }
        }
    }

    /** A writer committed events of this institution (the notification's payload). */
    void announced(String institutionId) {
        if (sessions.containsKey(institutionId)) {
            wakeUp();
        }
    }

    /** Reads the log soon. */
    void wakeUp() {
        wakeUp.release();
    }

    /** Starts feeding a session; its position must be settled (read with {@link AlertEventLog#settledId()}). */
    void add(StreamSession session) {
        sessions.computeIfAbsent(session.institutionId(), id -> ConcurrentHashMap.newKeySet()).add(session);
        wakeUp();
    }

    void remove(StreamSession session) {
        sessions.computeIfPresent(session.institutionId(), (id, open) -> {
            open.remove(session);
            return open.isEmpty() ? null : open;
        });
    }

    List<StreamSession> sessions() {
        List<StreamSession> all = new ArrayList<>();
        sessions.values().forEach(all::addAll);
        return all;
    }

    private void run() {
        while (running) {
            try {
                wakeUp.tryAcquire(settings.catchUpEvery().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                read();
                Thread.sleep(settings.minInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Could not read alert events for the streams (retrying): %s", e.toString());
            }
        }
    }

    /** One pass: the sessions behind the cursor catch up alone, then all of them move on together. */
    void read() {
        List<StreamSession> open = sessions();
        if (open.isEmpty()) {
            cursor = -1;
            return;
        }
        long settled = log.settledId();
        if (cursor < 0) {
            cursor = open.stream().mapToLong(StreamSession::position).min().orElseThrow();
        }
        for (StreamSession session : open) {
            catchUp(session);
        }
        if (settled <= cursor) {
            return;
        }
        Map<String, List<StreamSession>> byInstitution = new java.util.HashMap<>();
        for (StreamSession session : open) {
            byInstitution.computeIfAbsent(session.institutionId(), id -> new ArrayList<>()).add(session);
        }
        List<AlertEvent> events = log.between(byInstitution.keySet(), cursor, settled, settings.batchSize());
        long upTo = events.size() == settings.batchSize() ? events.get(events.size() - 1).id() : settled;
        for (AlertEvent event : events) {
            for (StreamSession session : byInstitution.get(event.institutionId())) {
                session.offer(event);
            }
        }
        for (StreamSession session : open) {
            session.advanceTo(upTo);
        }
        cursor = upTo;
        if (upTo < settled) {
            wakeUp();
        }
    }

    /** A session opened while the feed moved on reads what it lacks up to the cursor by itself. */
    private void catchUp(StreamSession session) {
        long position = session.position();
        while (position < cursor) {
            List<AlertEvent> missed = log.between(session.institutionId(), position, cursor, settings.batchSize());
            missed.forEach(session::offer);
            if (missed.size() < settings.batchSize()) {
                session.advanceTo(cursor);
            }
            position = session.position();
        }
    }
}
