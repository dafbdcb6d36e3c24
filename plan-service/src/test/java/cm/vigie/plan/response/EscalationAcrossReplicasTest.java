package cm.vigie.plan.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The escalation job on several replicas (issue 17, item 3): two replicas run it at the same moment on two
 * connections; the second waits on the first one's row locks, then finds the plans already flagged, so each overdue
 * plan is escalated, and audited, exactly once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class EscalationAcrossReplicasTest {

    private static final String INSTITUTION = "replicaproof";
    private static final int PLANS = 5;

    @Inject
    EscalationJob escalations;

    @Inject
    DataSource dataSource;

    @Inject
    UserTransaction transaction;

    @Test
    void twoReplicasRunningTheJobAtOnceEscalateEachPlanOnce() throws Exception {
        overduePlans();
        Instant now = Instant.now();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch escalatedByA = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // replica A escalates in a transaction it keeps open: the plans stay locked, not yet committed
            Future<Integer> a = replicas.submit(() -> asAJob(() -> {
                transaction.begin();
                try {
                    int count = escalations.escalate(now);
                    escalatedByA.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return count;
                } finally {
                    transaction.commit();
                }
            }));
            awaitOrFail(escalatedByA, a);
            // replica B runs the job meanwhile: it must wait on A's locks (seen in pg_stat_activity), not flag again
            Future<Integer> b = replicas.submit(() -> asAJob(() -> escalations.escalate(now)));
            awaitWaitingOnALock();
            release.countDown();

            assertEquals(PLANS, a.get(30, TimeUnit.SECONDS));
            assertEquals(0, b.get(30, TimeUnit.SECONDS), "B finds them escalated once A committed");
        } finally {
            release.countDown();
            replicas.shutdownNow();
        }
        assertEquals(PLANS, count("SELECT count(*) FROM audit_event WHERE institution_id = ? AND action = 'ESCALATED'"),
                "one audit row per plan");
        assertEquals(PLANS, count("SELECT count(*) FROM response_plan WHERE institution_id = ? AND escalated_at IS NOT NULL"
                + " AND version = 1"), "each plan's version bumped once");
    }

    private void overduePlans() throws SQLException {
        Instant old = Instant.now().minus(Duration.ofDays(2));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO response_plan (id, institution_id, title, alert_id, source_verified, severity, deadline,
                                                   fast_track, status, content, approvals, created_by, last_edited_by,
                                                   created_at, updated_at, version)
                        VALUES (?, ?, 'overdue', ?, true, 'CRITICAL', ?, true, 'IN_REVIEW', '{}'::jsonb, '[]'::jsonb,
                                'cm', 'cm', ?, ?, 0)""")) {
            for (int i = 0; i < PLANS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, INSTITUTION);
                insert.setObject(3, UUID.randomUUID());
                insert.setTimestamp(4, Timestamp.from(old.plus(Duration.ofHours(1))));
                insert.setTimestamp(5, Timestamp.from(old));
                insert.setTimestamp(6, Timestamp.from(old));
                insert.executeUpdate();
            }
        }
    }

    /** Runs as the scheduler runs a job: with a request context of its own. */
    static <T> T asAJob(java.util.concurrent.Callable<T> job) throws Exception {
        io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
        context.activate();
        try {
            return job.call();
        } finally {
            context.terminate();
        }
    }

    /** Waits for the latch; if the task ended first (it failed), its failure is the test's. */
    static void awaitOrFail(CountDownLatch latch, Future<?> task) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!latch.await(50, TimeUnit.MILLISECONDS)) {
            if (task.isDone()) {
                task.get();
            }
            assertTrue(System.nanoTime() < deadline, "replica A did not get there");
        }
    }

    /** Polls until a session waits on a row lock held by another (replica B behind replica A). */
    private void awaitWaitingOnALock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%response_plan%'"
                    + " AND ? IS NOT NULL") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("replica B never waited on replica A's locks");
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, INSTITUTION);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
