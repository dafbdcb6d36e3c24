package cm.vigie.benchmarks.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartedInLineTest {

    @Test
    void readsTheSecondsOfQuarkusStartLine() {
        String line = "2026-11-27 20:48:42,998 INFO  [io.quarkus] (main) accounts-service 0.1.0-SNAPSHOT on JVM "
                + "(powered by Quarkus 3.33.2) started in 8.368s. Listening on: http://127.0.0.1:42199";
        assertEquals(OptionalDouble.of(8.368), StartedInLine.seconds(line));
    }

    @Test
    void acceptsWholeSecondsAndColouredOutput() {
        assertEquals(OptionalDouble.of(2.0), StartedInLine.seconds(
                "\u001B[34mINFO\u001B[0m [io.quarkus] vigie-gateway on JVM (powered by Quarkus 3.33.2) started in 2s. "
                        + "Listening on: http://127.0.0.1:8080"));
    }

    @Test
    void ignoresOtherLines() {
        assertTrue(StartedInLine.seconds("INFO  [io.quarkus] (main) Profile prod activated.").isEmpty());
        assertTrue(StartedInLine.seconds("INFO  [org.flywaydb] Migration started in 0.5s somewhere").isEmpty());
        assertTrue(StartedInLine.seconds("Quarkus started in about a second").isEmpty());
    }

    @Test
    void takesTheFirstStartLineOfALog() {
        List<String> lines = List.of(
                "INFO  [org.flywaydb.core] Successfully applied 3 migrations",
                "INFO  [io.quarkus] (main) plan-service 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.33.2) started in 1.905s.",
                "INFO  [io.quarkus] (main) plan-service 0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.33.2) started in 9.999s.");
        assertEquals(OptionalDouble.of(1.905), StartedInLine.firstIn(lines));
        assertTrue(StartedInLine.firstIn(List.of()).isEmpty());
    }

    @Test
    void waitsForTheLineInALogFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("service.log");
        Files.writeString(log, "INFO  [io.quarkus] (main) watch-service on JVM (powered by Quarkus 3.33.2) "
                + "started in 2.250s. Listening on: http://127.0.0.1:1\n");
        assertEquals(OptionalDouble.of(2.25), StartedInLine.awaitIn(log, Duration.ofMillis(100)));
        assertTrue(StartedInLine.awaitIn(dir.resolve("absent.log"), Duration.ofMillis(50)).isEmpty());
    }
}
