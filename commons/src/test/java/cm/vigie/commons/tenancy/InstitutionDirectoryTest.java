package cm.vigie.commons.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InstitutionDirectoryTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class FakeSource extends InstitutionDirectory {
        final List<KnownInstitution> rows = new CopyOnWriteArrayList<>();
        final AtomicInteger loads = new AtomicInteger();
        final Executor executor;
        volatile boolean down;

        FakeSource(Clock clock) {
            this(clock, Runnable::run);
        }

        FakeSource(Clock clock, Executor executor) {
            super(clock, InstitutionDirectory.DEFAULT_MAX_AGE);
            this.executor = executor;
        }

        @Override
        protected List<KnownInstitution> load() {
            loads.incrementAndGet();
            if (down) {
                throw new IllegalStateException("accounts-service is down");
            }
            return List.copyOf(rows);
        }

        @Override
        protected Executor executor() {
            return executor;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FakeSource directory = new FakeSource(clock);

    private Optional<KnownInstitution> find(String slug) {
        return directory.find(slug).toCompletableFuture().join();
    }

    @Test
    void answersKnownInstitutionsFromMemoryUntilTheSnapshotIsStale() {
        directory.rows.add(new KnownInstitution("minsante", InstitutionStatus.ACTIVE));
        assertTrue(find("minsante").isPresent());
        find("minsante");
        assertEquals(1, directory.loads.get());

        directory.rows.set(0, new KnownInstitution("minsante", InstitutionStatus.SUSPENDED));
        clock.now = clock.now.plus(InstitutionDirectory.DEFAULT_MAX_AGE).plusSeconds(1);
        find("minsante");
        assertEquals(InstitutionStatus.SUSPENDED, find("minsante").orElseThrow().status());
    }

    @Test
    void reloadsForAnUnknownSlugButNotMoreThanOnceEveryTwoSeconds() {
        assertTrue(find("mincom").isEmpty());
        directory.rows.add(new KnownInstitution("mincom", InstitutionStatus.ACTIVE));
        var justAfter = directory.find("mincom").toCompletableFuture();
        var alsoJustAfter = directory.find("mincom").toCompletableFuture();
        assertEquals(1, directory.loads.get(), "reload is rate-limited");
        assertTrue(justAfter.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join().isPresent(),
                "an institution onboarded just after a load is found by the next one");
        assertTrue(alsoJustAfter.join().isPresent());
        assertEquals(2, directory.loads.get(), "one delayed load for both lookups");
        clock.now = clock.now.plus(InstitutionDirectory.MIN_RELOAD_INTERVAL).plusMillis(1);
        assertTrue(find("mincom").isPresent(), "a newly onboarded institution is found");
    }

    @Test
    void concurrentLookupsOfAnUnknownSlugWaitForTheLoadInProgress() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        FakeSource slowSource = new FakeSource(clock, queued::add);
        slowSource.rows.add(new KnownInstitution("mincom", InstitutionStatus.ACTIVE));
        var first = slowSource.find("mincom").toCompletableFuture();
        var second = slowSource.find("mincom").toCompletableFuture();
        assertEquals(1, queued.size(), "one load for both lookups");
        queued.get(0).run();
        assertTrue(first.join().isPresent());
        assertTrue(second.join().isPresent());
    }

    @Test
    void keepsServingTheLastSnapshotWhileTheSourceIsDown() {
        directory.rows.add(new KnownInstitution("minsante", InstitutionStatus.ACTIVE));
        find("minsante");
        directory.down = true;
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertTrue(find("minsante").isPresent());
        assertTrue(find("minsante").isPresent());
    }

    @Test
    void anIdleDirectoryWaitsForOneLoadRatherThanAnswerAnOldStatus() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        FakeSource source = new FakeSource(clock, queued::add);
        source.rows.add(new KnownInstitution("mincom", InstitutionStatus.ACTIVE));
        var first = source.find("mincom").toCompletableFuture();
        queued.remove(0).run();
        assertTrue(first.join().orElseThrow().active());

        source.rows.set(0, new KnownInstitution("mincom", InstitutionStatus.SUSPENDED));
        clock.now = clock.now.plus(InstitutionDirectory.DEFAULT_MAX_AGE).plusSeconds(1);
        var afterIdle = source.find("mincom").toCompletableFuture();
        assertTrue(!afterIdle.isDone(), "no load was attempted for a whole maximum age: the lookup waits for one");
        queued.remove(0).run();
        assertEquals(InstitutionStatus.SUSPENDED, afterIdle.join().orElseThrow().status());

        clock.now = clock.now.plus(InstitutionDirectory.DEFAULT_MAX_AGE).plusSeconds(1);
        source.find("mincom");
        clock.now = clock.now.plusSeconds(1);
        assertTrue(source.find("mincom").toCompletableFuture().isDone(), "while a load is recent, the snapshot answers at once");
    }

    @Test
    void suspendedNowListsTheSuspendedAndKeepsTheSnapshotFresh() {
        directory.rows.add(new KnownInstitution("minsante", InstitutionStatus.ACTIVE));
        directory.rows.add(new KnownInstitution("mincom", InstitutionStatus.SUSPENDED));
        find("minsante");
        assertEquals(java.util.Set.of("mincom"), directory.suspendedNow());
        directory.rows.set(0, new KnownInstitution("minsante", InstitutionStatus.SUSPENDED));
        assertEquals(java.util.Set.of("mincom"), directory.suspendedNow(), "fresh: no load");
        assertEquals(1, directory.loads.get());
        clock.now = clock.now.plus(InstitutionDirectory.DEFAULT_MAX_AGE).plusSeconds(1);
        directory.suspendedNow();
        assertEquals(java.util.Set.of("minsante", "mincom"), directory.suspendedNow());
    }

    @Test
    void requireActiveRefusesSuspendedAndUnknownInstitutions() {
        directory.rows.add(new KnownInstitution("minsante", InstitutionStatus.ACTIVE));
        directory.rows.add(new KnownInstitution("mincom", InstitutionStatus.SUSPENDED));
        directory.requireActive("minsante");
        for (String slug : java.util.List.of("mincom", "minghost")) {
            var refused = org.junit.jupiter.api.Assertions.assertThrows(cm.vigie.commons.problem.ProblemException.class,
                    () -> directory.requireActive(slug));
            assertEquals(cm.vigie.commons.problem.ProblemType.INSTITUTION_SUSPENDED, refused.type());
        }
    }
}
