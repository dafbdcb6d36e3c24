package cm.vigie.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLinesOfABigFile() throws IOException {
        Path log = dir.resolve("big.log");
        Files.writeString(log, IntStream.range(0, 20_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");
        assertEquals(List.of("line 19997", "line 19998", "line 19999"), LogTail.lastLines(log, 3));
    }

    @Test
    void missingOrEmptyLog() {
        assertEquals(List.of(), LogTail.lastLines(dir.resolve("none.log"), 5));
        assertTrue(LogTail.describe(dir.resolve("none.log"), 5).contains("empty"));
    }
}
