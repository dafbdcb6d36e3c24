package cm.vigie.watch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Source polling on several replicas (issue 17, item 3): each replica's poller claims due sources with
 * {@code FOR UPDATE SKIP LOCKED} on its own connection, so no source is polled twice for one due time. Two claimers on
 * two connections stand for two replicas (the claim is a property of the database, not of the JVM).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class SourceClaimAcrossReplicasTest {

    /** A type no connector polls, so that this JVM's own poller leaves these sources to the test. */
    private static final String TYPE = "CLAIM_PROOF";
    private static final int SOURCES = 30;

    @Inject
    SourceStatusStore statuses;

    @Inject
    DataSource dataSource;

    @Inject
    UserTransaction transaction;

    private final Set<UUID> created = new HashSet<>();

    @BeforeEach
    void dueSources() throws SQLException {
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement source = connection.prepareStatement("""
                        INSERT INTO source (id, institution_id, type, name, url, poll_interval_minutes, active, created_at,
                                            updated_at, version)
                        VALUES (?, 'minsante', ?, 'claim proof', 'http://127.0.0.1:1/feed', 5, true, now(), now(), 0)""");
                PreparedStatement status = connection.prepareStatement(
                        "INSERT INTO source_status (source_id, next_poll_at) VALUES (?, ?)")) {
            for (int i = 0; i < SOURCES; i++) {
                UUID id = UUID.randomUUID();
                source.setObject(1, id);
                source.setString(2, TYPE);
                source.executeUpdate();
                status.setObject(1, id);
                status.setTimestamp(2, Timestamp.from(past));
                status.executeUpdate();
                created.add(id);
            }
        }
    }

    @AfterEach
    void removeSources() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM source WHERE type = ?")) {
            delete.setString(1, TYPE);
            delete.executeUpdate();
        }
        created.clear();
    }

    @Test
    void aSecondReplicaSkipsTheSourcesTheFirstHoldsAndNothingIsClaimedTwice() throws Exception {
        ExecutorService replicaA = Executors.newSingleThreadExecutor();
        CountDownLatch claimedByA = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // replica A claims 10 in a transaction it keeps open: its row locks stay held meanwhile
            Future<List<UUID>> a = replicaA.submit(() -> {
                transaction.begin();
                try {
                    List<UUID> ids = ids(claim(10));
                    claimedByA.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return ids;
                } finally {
                    transaction.commit();
                }
            });
            assertTrue(claimedByA.await(30, TimeUnit.SECONDS));
            // replica B, on its own connection, at the same moment: it must skip A's rows, not wait for them
            List<UUID> b = ids(claim(SOURCES));
            release.countDown();
            List<UUID> byA = a.get(30, TimeUnit.SECONDS);

            assertEquals(10, byA.size());
            assertEquals(SOURCES - 10, b.size(), "B takes every due source A does not hold");
            Set<UUID> both = new HashSet<>(byA);
            both.retainAll(b);
            assertEquals(Set.of(), both, "no source claimed by both replicas");
            Set<UUID> all = new HashSet<>(byA);
            all.addAll(b);
            assertEquals(created, all);
            assertEquals(List.of(), claim(SOURCES), "once claimed, a source is leased: nobody takes it again");
        } finally {
            release.countDown();
            replicaA.shutdownNow();
        }
    }

    @Test
    void replicasClaimingConcurrentlyShareTheSourcesExactlyOnce() throws Exception {
        int replicas = 4;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        CountDownLatch start = new CountDownLatch(1);
        List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                done.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                        List<UUID> batch;
                        do {
                            batch = ids(claim(3));
                            claimed.addAll(batch);
                        } while (!batch.isEmpty());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SOURCES, claimed.size(), "each due source claimed exactly once: " + claimed.size());
        assertEquals(created, new HashSet<>(claimed));
    }

    private List<SourceStatusStore.Due> claim(int limit) {
        Instant now = Instant.now();
        return statuses.claimDue(Set.of(TYPE), List.of(), limit, now, now.plus(Duration.ofMinutes(10)));
    }

    private static List<UUID> ids(List<SourceStatusStore.Due> due) {
        return due.stream().map(d -> d.settings().id()).toList();
    }
}
