package cm.vigie.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportTableTest {

    @Test
    void showsEachMetricAndEachTargetWithItsResult() {
        Metric ready = Metric.of("ready-after-jvm-start", "gateway", "ms", List.of(1500.4, 1490.0, 3200.0));
        Metric rss = Metric.of("rss-after-warm-up", "gateway", "MiB", List.of(150.25, 149.0, 151.0));
        SuiteReport report = new SuiteReport("startup", "2026-11-27T21:03:04Z",
                new Machine(2, "Linux", "25", null, null, null), SuiteReport.COMPLETED, null, List.of(ready, rss),
                List.of(Target.atMost("ready <= 3000 ms", ready, "max", 3000),
                        Target.atMost("RSS <= 300 MiB", rss, "max", 300)),
                List.of("load average 3.10 on 2 cores"), new Interference(1.0, 35.4));

        String text = ReportTable.render(report);

        assertTrue(text.lines().anyMatch(line -> line.matches(
                "gateway +ready-after-jvm-start +1500 ms +3200 ms +1500 / 1490 / 3200")), text);
        assertTrue(text.contains("150.3 MiB"), text);
        assertTrue(text.contains("MISS"), text);
        assertTrue(text.contains("PASS"), text);
        assertTrue(text.contains("1 of 2 targets missed."), text);
        assertTrue(text.contains("Note: load average 3.10 on 2 cores"), text);
        assertTrue(text.contains("Other work on the processors: 1% before the start, 35% during the suite"), text);
    }

    @Test
    void listsAFewSamplesAndOnlyCountsMany() {
        Metric few = Metric.of("token", "keycloak", "ms", List.of(40.0, 52.0));
        Metric many = Metric.of("onboarding", "accounts-service", "ms",
                java.util.stream.IntStream.rangeClosed(1, ReportTable.LISTED_SAMPLES + 1).mapToObj(i -> (double) i).toList());
        assertEquals("40 / 52", ReportTable.runs(few));
        assertEquals((ReportTable.LISTED_SAMPLES + 1) + " samples", ReportTable.runs(many));
    }

    @Test
    void alignsColumns() {
        String table = ReportTable.table(List.of(List.of("a", "bb"), List.of("ccc", "d")), List.of(false, true));
        assertEquals("a    bb\n-------\nccc   d\n", table);
    }
}
