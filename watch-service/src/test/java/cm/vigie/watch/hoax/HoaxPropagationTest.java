package cm.vigie.watch.hoax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.cluster.ClusterChanges;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.watch.NotificationsOnlyProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Hoaxes written through another replica, own and shared, are recognised here by their notification alone (no version
 * check under this profile). The other replica announces as its code does, in the change's transaction.
 */
@QuarkusTest
@TestProfile(NotificationsOnlyProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class HoaxPropagationTest {

    @Inject
    HoaxDetector detector;

    @Inject
    DataSource dataSource;

    @Test
    void anOwnHoaxOfAnotherReplicaIsRecognisedHereForItsInstitutionOnly() throws Exception {
        String text = "Le pont de Mbalmayo sera fermé trois mois à partir de lundi, disent les motos.";
        assertTrue(detector.detect("hprop-own", text).isEmpty(), "the index of the institution is loaded here");
        UUID id = UUID.randomUUID();
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            ReplicaTwoHoaxes.insert(otherReplica, id, "hprop-own", false, text);
            ClusterChanges.announce(otherReplica, HoaxDetector.TOPIC, "hprop-own");
            otherReplica.commit();
        }
        assertEquals(List.of(id), awaitDetected("hprop-own", text));
        assertTrue(detector.detect("hprop-else", text).isEmpty(), "private to its institution");
    }

    @Test
    void aHoaxSharedOnAnotherReplicaIsRecognisedHereForEveryInstitution() throws Exception {
        String text = "Les billets de dix mille francs seront retirés de la circulation vendredi prochain à midi.";
        assertTrue(detector.detect("hprop-reader", text).isEmpty(), "the shared index is loaded here");
        UUID id = UUID.randomUUID();
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            ReplicaTwoHoaxes.insert(otherReplica, id, "hprop-publisher", true, text);
            ClusterChanges.announce(otherReplica, HoaxDetector.TOPIC, "hprop-publisher");
            ClusterChanges.announce(otherReplica, HoaxDetector.TOPIC, ClusterChanges.ALL);
            otherReplica.commit();
        }
        assertEquals(List.of(id), awaitDetected("hprop-reader", text));
    }

    private List<UUID> awaitDetected(String institution, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<UUID> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = detector.detect(institution, text).stream().map(HoaxMatch::hoaxId).toList();
            if (found.isEmpty()) {
                Thread.sleep(50);
            }
        }
        return found;
    }
}
