package cm.vigie.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() {
        Path file = dir.resolve(".vigie/state.properties");
        StateFile.Entry launcher = StateFile.entry("launcher", 0, ProcessHandle.current().pid());
        StateFile.State state = new StateFile.State(launcher, Instant.parse("2026-11-27T10:15:30Z"),
                List.of(new StateFile.Entry("postgres", 15432, 4242, 0), new StateFile.Entry("gateway", 8080, 4343, 17)));
        StateFile.write(file, state);

        assertEquals(state, StateFile.read(file).orElseThrow());
        assertTrue(StateFile.read(file).orElseThrow().launcher().isAlive(), "this JVM is alive");
        StateFile.delete(file);
        assertTrue(StateFile.read(file).isEmpty());
    }

    @Test
    void aPidWithAnotherStartTimeIsNotOurs() {
        long pid = ProcessHandle.current().pid();
        long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        assertTrue(StateFile.isSameProcess(pid, start));
        assertFalse(StateFile.isSameProcess(pid, start - 60_000));
        assertFalse(StateFile.isSameProcess(-1, 0));
    }

    @Test
    void anUnreadableFileCountsAsAbsent() throws IOException {
        Path file = dir.resolve("state.properties");
        Files.writeString(file, "launcher.pid=abc\nstarted=yesterday\n");
        assertTrue(StateFile.read(file).isEmpty());
    }
}
