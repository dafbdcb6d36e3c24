package cm.vigie.watch.watchlist;

import static cm.vigie.watch.watchlist.ReplicaTwo.bumpWithoutNotification;
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

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A watchlist change whose notification was lost is caught by the periodic version check, without restart. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class WatchlistVersionCheckTest {

    @Inject
    DataSource dataSource;

    @Test
    void aWatchlistChangeWhoseNotificationWasLostIsCaughtByTheVersionCheck() throws Exception {
        String institution = "wprop-silent";
        String cm = communityManagerOf(institution);
        ingest(cm, "warm-up: the engine of this institution is built and cached here");
        String word = "zs" + UUID.randomUUID().toString().substring(0, 8);

        UUID id = UUID.randomUUID();
        try (Connection otherReplica = dataSource.getConnection()) {
            insertWatchlist(otherReplica, id, institution, word);
        }
        ingest(cm, "Avant " + word);
        assertEquals(0, matched(cm, id), "nothing announced yet: this replica still matches with the engine it holds");

        try (Connection otherReplica = dataSource.getConnection()) {
            bumpWithoutNotification(otherReplica, WatchlistEngines.TOPIC, institution);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (matched(cm, id) == 0 && System.nanoTime() < deadline) {
            ingest(cm, "Après " + word);
            Thread.sleep(200);
        }
        assertTrue(matched(cm, id) > 0, "the version check never rebuilt the engine");
    }
}
