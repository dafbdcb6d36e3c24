package cm.vigie.watch.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.cluster.ClusterNotifications;
import cm.vigie.commons.quota.Quotas;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.watch.WatchTestSupport;
import cm.vigie.watch.alert.AlertEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Alert events written by another replica (a connection of its own, outside this service, writing the event log and
 * announcing it in one transaction as the service's writer does) reach the streams open here, in id order, once each,
 * whatever order concurrent writers commit in; a stream resumed from its Last-Event-ID goes on without gap or repeat.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class CrossReplicaStreamTest {

    private static final String SLUG = "relais";
    private static final Duration LONG_WAIT = Duration.ofSeconds(10);

    private static String viewer() {
        WatchTestSupport.institution(SLUG, new Quotas(200, 2000, 200, 20, 500, 20, 20, 3));
        return TestTokens.bearer(SLUG, "viewer", "viewer");
    }

    /** One transaction of another replica. */
    static final class Writer implements AutoCloseable {

        private final Connection connection;
        private final List<Long> written = new ArrayList<>();

        Writer() throws SQLException {
            var config = ConfigProvider.getConfig();
            connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class));
            connection.setAutoCommit(false);
        }

        /** Writes one event (not yet committed) and answers its id. */
        long event(String marker) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO alert_event (institution_id, alert_id, event_type, severity, payload, created_at)
                    VALUES (?, ?, 'ALERT_CREATED', 'HIGH', ?::jsonb, now()) RETURNING id""")) {
                insert.setString(1, SLUG);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, "{\"marker\":\"" + marker + "\"}");
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    written.add(row.getLong(1));
                    return row.getLong(1);
                }
            }
        }

        List<Long> commit(boolean announce) throws SQLException {
            if (announce) {
                ClusterNotifications.send(connection, AlertEvent.CHANNEL, SLUG);
            }
            connection.commit();
            return List.copyOf(written);
        }

        void rollback() throws SQLException {
            connection.rollback();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static List<Long> write(String marker, int count, boolean announce) throws SQLException {
        try (Writer writer = new Writer()) {
            for (int i = 0; i < count; i++) {
                writer.event(marker);
            }
            return writer.commit(announce);
        }
    }

    /** The ids of the next events of the stream, up to {@code count} of them, until the deadline. */
    private static List<Long> receive(SseClient stream, int count, Duration within) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (ids.size() < count) {
            long left = deadline - System.nanoTime();
            SseClient.Event event = left <= 0 ? null : stream.next(Duration.ofNanos(left));
            if (event == null) {
                break;
            }
            ids.add(Long.parseLong(event.id()));
        }
        return ids;
    }

    @Test
    void eventsOfAnotherReplicaReachAnOpenStreamWithinASecondInOrder() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (SseClient stream = new SseClient(viewer(), null, null)) {
            assertEquals(200, stream.status);
            for (int round = 0; round < 3; round++) {
                List<Long> ids = write(marker, 3, true);
                long committed = System.nanoTime();
                for (long id : ids) {
                    SseClient.Event event = stream.next(LONG_WAIT);
                    assertNotNull(event, "event " + id + " reaches the stream");
                    assertTrue(event.receivedAt() - committed <= Duration.ofSeconds(1).toNanos(),
                            "event " + id + " arrived more than 1 s after its commit");
                    assertEquals(Long.toString(id), event.id());
                    assertEquals("ALERT_CREATED", event.name());
                    assertEquals(marker, JsonPath.from(event.data()).getString("marker"));
                }
            }
            // a notification lost (here: never sent) delays the events until the periodic catch-up, no more
            List<Long> unannounced = write(marker, 2, false);
            assertEquals(unannounced, receive(stream, 2, Duration.ofSeconds(5)));
            assertNull(stream.next(Duration.ofMillis(1500)), "nothing else, nothing twice");
        }
    }

    @Test
    void anEventCommittedAfterAHigherOneIsSentBeforeItAndNeitherIsLostOrRepeated() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (SseClient stream = new SseClient(viewer(), null, null); Writer slow = new Writer(); Writer fast = new Writer()) {
            assertEquals(200, stream.status);
            long lower = slow.event(marker);
            long higher = fast.event(marker);
            assertTrue(lower < higher);
            fast.commit(true);
            // the higher id waits for the lower one's transaction: sending it now would make a Last-Event-ID that skips it
            assertNull(stream.next(Duration.ofMillis(2500)), "no event goes out while a lower id is still being written");
            slow.commit(true);
            assertEquals(List.of(lower, higher), receive(stream, 2, LONG_WAIT));

            // a writer that rolls back holds nothing up
            long abandoned = slow.event(marker);
            long kept = fast.event(marker);
            slow.rollback();
            fast.commit(true);
            assertTrue(abandoned < kept);
            assertEquals(List.of(kept), receive(stream, 1, LONG_WAIT));
            assertNull(stream.next(Duration.ofMillis(1500)));
        }
    }

    @Test
    void twoWritersCommittingInInterleavedOrderLoseNothingAndRepeatNothing() throws Exception {
        String marker = UUID.randomUUID().toString();
        List<Long> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (SseClient stream = new SseClient(viewer(), null, null)) {
            assertEquals(200, stream.status);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(Thread.ofPlatform().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try {
                        for (int t = 0; t < 30; t++) {
                            try (Writer writer = new Writer()) {
                                int events = 1 + random.nextInt(3);
                                for (int e = 0; e < events; e++) {
                                    writer.event(marker);
                                    Thread.sleep(random.nextInt(15));
                                }
                                if (random.nextInt(10) == 0) {
                                    writer.rollback();
                                } else {
                                    committed.addAll(writer.commit(random.nextInt(4) != 0));
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }));
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertNull(failure.get());
            List<Long> expected = new ArrayList<>(committed);
            Collections.sort(expected);
            List<Long> received = receive(stream, expected.size(), LONG_WAIT);
            assertEquals(expected, received, "every committed event, in id order, once");
            assertNull(stream.next(Duration.ofMillis(1500)), "nothing twice");
        }
    }

    @Test
    void aStreamResumedFromItsLastEventIdMissesNothingAndRepeatsNothing() throws Exception {
        String marker = UUID.randomUUID().toString();
        String viewer = viewer();
        List<Long> all = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        try (Writer inFlight = new Writer()) {
            long held;
            try (SseClient first = new SseClient(viewer, null, null)) {
                assertEquals(200, first.status);
                all.addAll(write(marker, 4, true));
                seen.addAll(receive(first, 4, LONG_WAIT));
                assertEquals(all, seen);
                // the client leaves while an event is being written and a later one is already committed
                held = inFlight.event(marker);
                all.add(held);
                all.addAll(write(marker, 1, true));
                assertNull(first.next(Duration.ofMillis(1500)));
            }
            inFlight.commit(true);
            all.addAll(write(marker, 3, true));
            // the console reconnects, on any replica, with the id of the last event it received
            try (SseClient second = new SseClient(viewer, null, Long.toString(seen.get(seen.size() - 1)))) {
                assertEquals(200, second.status);
                all.addAll(write(marker, 2, true));
                seen.addAll(receive(second, all.size() - seen.size(), LONG_WAIT));
                assertNull(second.next(Duration.ofMillis(1500)), "nothing twice");
            }
            assertTrue(seen.contains(held));
        }
        assertEquals(all.stream().sorted().toList(), seen, "the two streams together: every event, in order, once");
    }
}
