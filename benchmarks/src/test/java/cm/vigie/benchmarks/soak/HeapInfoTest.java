package cm.vigie.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeapInfoTest {

    @Test
    void g1CountsTheHeapLineOnly() {
        String info = """
                12345:
                 garbage-first heap   total reserved 262144K, committed 65536K, used 40960K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 2 young (2048K), 0 survivors (0K)
                 Metaspace       used 51200K, committed 52000K, reserved 1114112K
                  class space    used 6000K, committed 6400K, reserved 1048576K
                """;
        assertEquals(40.0, Soak.usedMiB(info), 1e-9);
    }

    @Test
    void serialAddsItsGenerations() {
        String info = """
                 def new generation   total 19648K, used 1024K [0x00000000f0000000, 0x00000000f1550000, 0x00000000f5550000)
                  eden space 17472K,   5% used [0x00000000f0000000, 0x00000000f0110000, 0x00000000f1110000)
                 tenured generation   total 43712K, used 31744K [0x00000000f5550000, 0x00000000f8000000, 0x0000000100000000)
                 Metaspace       used 51200K, committed 52000K, reserved 1114112K
                """;
        assertEquals(32.0, Soak.usedMiB(info), 1e-9);
    }

    @Test
    void noHeapLineIsAnError() {
        assertThrows(IllegalStateException.class, () -> Soak.usedMiB("12345:\nsomething else\n"));
    }
}
