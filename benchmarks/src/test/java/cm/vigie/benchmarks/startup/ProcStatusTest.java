package cm.vigie.benchmarks.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            Pid:\t4242
            VmPeak:\t 3012345 kB
            VmSize:\t 2999999 kB
            VmHWM:\t  260000 kB
            VmRSS:\t  215040 kB
            RssAnon:\t  180000 kB
            Threads:\t40
            """;

    @Test
    void readsVmRssInKiB() {
        assertEquals(OptionalLong.of(215_040), ProcStatus.vmRssKiB(STATUS));
    }

    @Test
    void doesNotConfuseVmRssWithSimilarLines() {
        assertTrue(ProcStatus.vmRssKiB("VmHWM:\t 1 kB\nRssAnon:\t 2 kB\n").isEmpty());
    }

    @Test
    void emptyWhenMalformedOrAbsent() {
        assertTrue(ProcStatus.vmRssKiB("").isEmpty());
        assertTrue(ProcStatus.vmRssKiB("VmRSS:\t lots kB\n").isEmpty());
        assertTrue(ProcStatus.vmRssKiB("VmRSS:\t 12 MB\n").isEmpty());
        // kernel threads have no VmRSS line at all
        assertTrue(ProcStatus.vmRssKiB("Name:\tkthreadd\nState:\tS (sleeping)\n").isEmpty());
    }

    @Test
    void readsThisJvmsResidentMemory() {
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            return; // not Linux
        }
        double mib = ProcStatus.rssMiB(ProcessHandle.current().pid());
        assertTrue(mib > 1 && mib < 64 * 1024, "RSS " + mib + " MiB");
    }

    @Test
    void failsClearlyForAProcessThatIsGone() {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return;
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProcStatus.rssMiB(Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("still running"), e.getMessage());
    }
}
