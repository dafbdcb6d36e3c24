package cm.vigie.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    private static final String BEFORE = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         10000         800000  [B (java.base@25.0.3)
               2:          5000         120000  java.lang.String (java.base@25.0.3)
               3:           100           4800  cm.vigie.watch.Cache$Entry
            Total         15100         924800
            """;

    private static final String AFTER = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         10500         900000  [B (java.base@25.0.3)
               2:          4000          96000  java.lang.String (java.base@25.0.3)
               3:          2100         100800  cm.vigie.watch.Cache$Entry
               4:             1             16  cm.vigie.watch.NewSingleton
            Total         16601         996816
            """;

    @Test
    void growthListsTheClassesThatGrewMostFirst() {
        List<ClassHistogram.Growth> growth = ClassHistogram.parse(AFTER)
                .largestGrowthSince(ClassHistogram.parse(BEFORE), 3);

        assertEquals(List.of(
                new ClassHistogram.Growth("[B", 100000, 500),
                new ClassHistogram.Growth("cm.vigie.watch.Cache$Entry", 96000, 2000),
                new ClassHistogram.Growth("cm.vigie.watch.NewSingleton", 16, 1)), growth);
    }

    @Test
    void outputWithoutClassLinesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassHistogram.parse("12345:\nNo such process\n"));
    }
}
