package cm.vigie.commons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Against a real PostgreSQL: what one replica publishes, every replica hears, across lost connections. */
class ClusterNotificationsTest {

    private static final String APPLICATION = "vigie-cluster-test-listener";
    private static EmbeddedPostgres postgres;
    private ClusterNotifications notifications;
    private final AtomicBoolean refuse = new AtomicBoolean();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @AfterEach
    void stopNotifications() {
        if (notifications != null) {
            notifications.stop();
        }
    }

    private ClusterNotifications start() {
        notifications = new ClusterNotifications(() -> {
            if (refuse.get()) {
                throw new SQLException("refused by the test", "08001");
            }
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("ApplicationName", APPLICATION);
            return ListeningConnection.open(postgres.getJdbcUrl("postgres", "postgres"), properties);
        }, () -> postgres.getPostgresDatabase().getConnection(), true, Duration.ofMillis(50), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(10));
        return notifications;
    }

    /** Another replica's transaction: pg_notify on its own connection, committed or rolled back. */
    private static void otherReplica(String channel, String payload, boolean commit) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            ClusterNotifications.send(connection, channel, payload);
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    private static String next(BlockingQueue<String> queue) throws InterruptedException {
        String value = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(value, "nothing received");
        return value;
    }

    @Test
    void aCommittedNotificationReachesTheSubscriberOnAWorkerThreadAndARolledBackOneNever() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        start().subscribe("vigie_watchlists", payload -> {
            received.add(payload);
            threads.add(Thread.currentThread().getName());
        }, () -> received.add("reconnect"));
        assertTrue(notifications.listening());

        otherReplica("vigie_watchlists", "rolled-back", false);
        otherReplica("vigie_other", "other channel", true);
        otherReplica("vigie_watchlists", "first", true);
        otherReplica("vigie_watchlists", "second", true);

        assertEquals("first", next(received));
        assertEquals("second", next(received));
        assertTrue(next(threads).startsWith("vigie-cluster-dispatch"));
    }

    @Test
    void everySubscriberOfAChannelHearsItAndAClosedOneNoLonger() throws Exception {
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        start();
        AutoCloseable firstHandle = notifications.subscribe("vigie_hoaxes", first::add, () -> { });
        notifications.subscribe("vigie_hoaxes", second::add, () -> { });

        otherReplica("vigie_hoaxes", "a", true);
        assertEquals("a", next(first));
        assertEquals("a", next(second));

        firstHandle.close();
        otherReplica("vigie_hoaxes", "b", true);
        assertEquals("b", next(second));
        assertNull(first.poll());
    }

    @Test
    void aLostListeningConnectionIsReopenedAndSubscribersAreToldToReload() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        start().subscribe("vigie_sources", received::add, () -> received.add("reconnect"));

        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            refuse.set(true);
            try (ResultSet killed = statement.executeQuery(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + APPLICATION + "'")) {
                assertTrue(killed.next());
            }
            otherReplica("vigie_sources", "missed", true);
            refuse.set(false);
        }

        assertEquals("reconnect", next(received));
        otherReplica("vigie_sources", "after", true);
        assertEquals("after", next(received));
        assertTrue(received.isEmpty());
    }

    @Test
    void aSubscriptionMadeWhileTheDatabaseIsUnreachableReloadsOnceItIsReachable() throws Exception {
        refuse.set(true);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        start().subscribe("vigie_directory", received::add, () -> received.add("reconnect"));
        assertFalse(notifications.listening());
        refuse.set(false);

        assertEquals("reconnect", next(received));
        otherReplica("vigie_directory", "later", true);
        assertEquals("later", next(received));
    }

    @Test
    void stoppingClosesTheListeningConnection() throws Exception {
        start().subscribe("vigie_rules", payload -> { }, () -> { });
        assertEquals(1, listeningBackends());
        notifications.stop();
        assertFalse(notifications.listening());
        for (int i = 0; i < 100 && listeningBackends() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, listeningBackends());
        notifications = null;
    }

    @Test
    void channelsAndPayloadsAreChecked() {
        start();
        assertThrows(IllegalArgumentException.class, () -> notifications.subscribe("watchlists", p -> { }, () -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> notifications.subscribe("vigie_x\"; DROP TABLE t; --", p -> { }, () -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterNotifications.send(null, "vigie_big", "é".repeat(3_501)));
        assertThrows(IllegalArgumentException.class, () -> ClusterNotifications.send(null, "Vigie_Upper", "x"));
    }

    private static int listeningBackends() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + APPLICATION + "'")) {
            count.next();
            return count.getInt(1);
        }
    }
}
