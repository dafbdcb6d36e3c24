package cm.vigie.watch.watchlist;

import static cm.vigie.watch.watchlist.ReplicaTwo.communityManagerOf;
import static cm.vigie.watch.watchlist.ReplicaTwo.ingest;
import static cm.vigie.watch.watchlist.ReplicaTwo.insertWatchlist;
import static cm.vigie.watch.watchlist.ReplicaTwo.matched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.cluster.ClusterChanges;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.watch.NotificationsOnlyProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A watchlist written through another replica is matched by a mention ingested here, by its notification alone (the
 * version check is off under this profile). The other replica is simulated on its own JDBC connection, doing what its
 * code does: the row, then {@link ClusterChanges#announce(Connection, String, String)}, in one transaction.
 */
@QuarkusTest
@TestProfile(NotificationsOnlyProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class WatchlistPropagationTest {

    private static final Logger LOG = Logger.getLogger(WatchlistPropagationTest.class);

    @Inject
    DataSource dataSource;

    @Test
    void aWatchlistCreatedOnAnotherReplicaIsMatchedHereByItsNotification() throws Exception {
        String institution = "wprop-notified";
        String cm = communityManagerOf(institution);
        ingest(cm, "warm-up: the engine of this institution is built and cached here");
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);

        UUID id = UUID.randomUUID();
        long committed;
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            insertWatchlist(otherReplica, id, institution, word);
            ClusterChanges.announce(otherReplica, WatchlistEngines.TOPIC, institution);
            otherReplica.commit();
            committed = System.nanoTime();
        }

        long deadline = committed + Duration.ofSeconds(30).toNanos();
        int matched = 0;
        while (matched == 0 && System.nanoTime() < deadline) {
            ingest(cm, "Une rumeur " + word + " circule");
            matched = matched(cm, id);
            if (matched == 0) {
                Thread.sleep(50);
            }
        }
        assertTrue(matched > 0, "the notification never reached the engine");
        // a figure, not a target: speed is measured by benchmarks/run replicas
        LOG.infof("Watchlist of another replica matched by the first ingest %d ms after its commit",
                Duration.ofNanos(System.nanoTime() - committed).toMillis());
    }

    @Test
    void aChangeNotAnnouncedIsNotSeenHereWithoutVersionCheck() throws Exception {
        String institution = "wprop-unannounced";
        String cm = communityManagerOf(institution);
        ingest(cm, "warm-up");
        String word = "zu" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        try (Connection otherReplica = dataSource.getConnection()) {
            insertWatchlist(otherReplica, id, institution, word);
        }
        ingest(cm, "Encore " + word);
        assertEquals(0, matched(cm, id), "served from the engine this replica holds: the announcement is what propagates");
    }
}
