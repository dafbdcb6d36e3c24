package cm.vigie.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import cm.vigie.benchmarks.faults.LiveStack;
import cm.vigie.benchmarks.soak.MixedWorkload.Kind;

/**
 * The soak of {@code benchmarks/run soak} for 60 seconds inside the build, with the same code: the four services
 * from their jars, embedded PostgreSQL, tokens from the test identity provider. Asserts what must hold on any
 * machine (no 5xx, PostgreSQL connections within the pools' bound, every kind of operation ran), never a speed.
 */
class SoakSmokeTest {

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void sixtySecondsOfMixedLoadAnswerNo5xxAndKeepConnectionsBounded() throws Exception {
        Path repoRoot = Path.of(System.getProperty("vigie.repo.root", "..")).toAbsolutePath().normalize();
        Path runDir = Path.of("target/soak-smoke").toAbsolutePath();
        Soak.Settings settings = new Soak.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 6,
                Duration.ofSeconds(60), 0.7, 32, Duration.ofSeconds(2));
        Soak.Result result;
        try (LiveStack stack = LiveStack.start(repoRoot, runDir, Path.of(System.getProperty("java.home")), false,
                runDir.resolve("keycloak-unused"), line -> System.out.println("[soak-smoke] " + line))) {
            result = Soak.run(stack, settings, line -> System.out.println("[soak-smoke] " + line));
        }
        MixedWorkload.Tally tally = result.tally();
        assertEquals(0, tally.serverErrors(), () -> "5xx or unanswered requests: " + tally.serverErrorSamples());
        for (Kind kind : Kind.values()) {
            assertTrue(tally.count(kind) > 0, "no " + kind + " operation ran");
        }
        assertTrue(result.connections().stream().allMatch(n -> n >= 0), "a pg_stat_activity sample failed: "
                + result.connections());
        assertTrue(result.maxConnections() > 0 && result.maxConnections() <= result.connectionLimit(),
                "PostgreSQL connections " + result.connections() + " not within 1.." + result.connectionLimit());
        System.out.printf("[soak-smoke] %d operations (%.0f/s aimed, %.0f/s sent), max %d connections, heap %s -> %s%n",
                tally.total(), result.targetRate(), result.achievedRate(), result.maxConnections(),
                result.heapStartMiB(), result.heapEndMiB());
    }
}
