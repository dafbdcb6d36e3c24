package cm.vigie.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void systemTicksFromTheAggregateCpuLine() {
        long[] ticks = CpuMeter.systemTicks(List.of(
                "cpu  100 5 50 800 50 3 2 0 40 0",
                "cpu0 50 0 25 400 25 0 0 0 0 0",
                "intr 12345"));
        assertEquals(1010, ticks[0], "user..steal; guest is inside user already");
        assertEquals(850, ticks[1], "idle + iowait");
        assertNull(CpuMeter.systemTicks(List.of("intr 1 2 3")));
        assertNull(CpuMeter.systemTicks(List.of("cpu  1 2")));
    }

    @Test
    void processTicksCountFieldsAfterTheCommandName() {
        // comm may hold spaces and parentheses
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 700 300 20 10 20 0 40 0 1234 "
                + "3000000000 50000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals(1000L, CpuMeter.ownTicks(stat, false));
        assertEquals(1030L, CpuMeter.ownTicks(stat, true));
        assertNull(CpuMeter.ownTicks("garbage", true));
        assertNull(CpuMeter.ownTicks(null, true));
    }

    @Test
    void otherWorkIsBusyTimeLessOurOwn() {
        CpuMeter.Reading start = new CpuMeter.Reading(1_000, 600, 100);
        // 1000 ticks pass, 400 of them idle: 600 busy, 300 ours, 100 a daemon of ours
        CpuMeter.Reading end = new CpuMeter.Reading(2_000, 1_000, 400);
        assertEquals(20.0, CpuMeter.otherPercent(start, end, 100));
        assertEquals(0.0, CpuMeter.otherPercent(start, end, 10_000), "never negative");
        assertNull(CpuMeter.otherPercent(start, start, 0));
        assertNull(CpuMeter.otherPercent(null, end, 0));
    }

    @Test
    void readsThisMachine() {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            return;
        }
        CpuMeter.Reading reading = CpuMeter.read();
        assertTrue(reading.total() > 0 && reading.idle() >= 0 && reading.own() >= 0, reading.toString());
        assertTrue(CpuMeter.treeTicks(ProcessHandle.current().pid()) >= 0);
        assertEquals(0, CpuMeter.treeTicks(Long.MAX_VALUE));
    }
}
