package cm.vigie.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @AfterEach
    void noChildLeft() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void stopKillsTheWholeTreeEvenWhenTheParentIgnoresSigterm() {
        // A parent that ignores SIGTERM, with two grandchildren: what kc.sh and its JVM look like, and worse.
        ManagedProcess process = ManagedProcess.start("tree",
                List.of("sh", "-c", "trap '' TERM; sleep 300 & sleep 300 & wait"), Map.of(), dir, dir.resolve("tree.log"));
        waitFor(() -> process.isAlive() && ProcessHandle.of(process.pid()).orElseThrow().descendants().count() >= 2);

        long start = System.nanoTime();
        process.stop(Duration.ofSeconds(2));
        assertFalse(process.isAlive());
        assertEquals(0, ProcessHandle.current().descendants().count(), "no child process left");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    void outputGoesToTheLogAndEnvIsPassed() {
        ManagedProcess process = ManagedProcess.start("echo", List.of("sh", "-c", "echo hello $GREETING; echo oops >&2"),
                Map.of("GREETING", "vigie"), dir, dir.resolve("logs/echo.log"));
        waitFor(() -> !process.isAlive());
        assertEquals(List.of("hello vigie", "oops"), LogTail.lastLines(dir.resolve("logs/echo.log"), 10));
    }

    @Test
    void waitingForReadinessFailsFastWithTheLogTailWhenTheProcessDies() {
        ManagedProcess process = ManagedProcess.start("crash", List.of("sh", "-c", "echo cannot bind port; exit 3"),
                Map.of(), dir, dir.resolve("crash.log"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            long start = System.nanoTime();
            StackException failure = assertThrows(StackException.class, () -> process.awaitHttpOk(http,
                    URI.create("http://127.0.0.1:" + StackPorts.random().gateway() + "/q/health/ready"),
                    Duration.ofSeconds(60)));
            assertTrue(failure.getMessage().contains("exited with code 3"), failure.getMessage());
            assertTrue(failure.getMessage().contains("cannot bind port"), failure.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        }
    }

    @Test
    void waitingForReadinessTimesOut() {
        ManagedProcess process = ManagedProcess.start("slow", List.of("sleep", "30"), Map.of(), dir, dir.resolve("slow.log"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            StackException failure = assertThrows(StackException.class, () -> process.awaitHttpOk(http,
                    URI.create("http://127.0.0.1:" + StackPorts.random().gateway() + "/"), Duration.ofMillis(800)));
            assertTrue(failure.getMessage().contains("was not ready after"), failure.getMessage());
        } finally {
            process.stop(Duration.ofSeconds(2));
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
