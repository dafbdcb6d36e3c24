package cm.vigie.commons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Versions and notifications together: a change reaches every follower, even when its notification is lost. */
class ClusterChangesTest {

    private static EmbeddedPostgres postgres;
    private ClusterNotifications notifications;
    private ClusterChanges changes;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE change_version (topic varchar(50) NOT NULL, institution_id varchar(200) NOT NULL,
                        version bigint NOT NULL, PRIMARY KEY (topic, institution_id))""");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void start() {
        notifications = new ClusterNotifications(() -> {
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            return ListeningConnection.open(postgres.getJdbcUrl("postgres", "postgres"), properties);
        }, () -> postgres.getPostgresDatabase().getConnection(), true, Duration.ofMillis(50), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(10));
        // a check period far longer than any test: only checkNow() checks
        changes = new ClusterChanges(notifications, () -> postgres.getPostgresDatabase().getConnection(),
                () -> postgres.getPostgresDatabase().getConnection(), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        changes.stop();
        notifications.stop();
    }

    /** What another replica's code does: the change and its announcement, in one transaction. */
    private static long otherReplicaAnnounces(String topic, String scope) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            long version = ClusterChanges.announce(connection, topic, scope);
            connection.commit();
            return version;
        }
    }

    /** A change whose notification was lost: the version moves, nobody is told. */
    private static void bumpSilently(String topic, String scope) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO change_version VALUES ('" + topic + "', '" + scope + "', 1)"
                    + " ON CONFLICT (topic, institution_id) DO UPDATE SET version = change_version.version + 1");
        }
    }

    private static String next(BlockingQueue<String> queue) throws InterruptedException {
        String value = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(value, "no change seen");
        return value;
    }

    @Test
    void anAnnouncedChangeReachesTheFollowerAtOnce() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        changes.follow("watchlists", seen::add);

        assertEquals(1, otherReplicaAnnounces("watchlists", "minsante"));
        assertEquals("minsante", next(seen));
        otherReplicaAnnounces("hoaxes", "minsante");
        otherReplicaAnnounces("watchlists", ClusterChanges.ALL);
        assertEquals(ClusterChanges.ALL, next(seen));
        assertNull(seen.poll());
    }

    @Test
    void aChangeWithoutNotificationIsCaughtByTheVersionCheckOnce() throws Exception {
        bumpSilently("hoaxes", "mincom");
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        changes.follow("hoaxes", seen::add);
        changes.checkNow();
        assertNull(seen.poll(), "a version known before following is no change");

        bumpSilently("hoaxes", "mincom");
        bumpSilently("hoaxes", "minfi");
        changes.checkNow();
        assertEquals(java.util.Set.of("mincom", "minfi"), java.util.Set.of(next(seen), next(seen)));
        changes.checkNow();
        assertNull(seen.poll());
    }

    @Test
    void aNotificationAlreadyCaughtByTheCheckIsNotAppliedTwice() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        changes.follow("sources", seen::add);
        long version = otherReplicaAnnounces("sources", "minsante");
        assertEquals("minsante", next(seen));
        changes.checkNow();
        assertNull(seen.poll());
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            ClusterNotifications.send(connection, "vigie_sources", version + " minsante");
        }
        otherReplicaAnnounces("sources", "minfi");
        assertEquals("minfi", next(seen));
        assertNull(seen.poll());
    }

    @Test
    void topicsAndScopesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> changes.follow("Watch lists", s -> { }));
        assertThrows(IllegalArgumentException.class, () -> ClusterChanges.announce(null, "watchlists", "two words"));
    }
}
