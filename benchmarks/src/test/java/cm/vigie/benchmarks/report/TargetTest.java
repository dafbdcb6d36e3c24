package cm.vigie.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void judgesTheChosenStatistic() {
        Metric ready = Metric.of("ready-after-jvm-start", "watch-service", "ms", List.of(2900.0, 2950.0, 3050.0));
        assertTrue(Target.atMost("ready <= 3000 ms", ready, "median", 3000).passed());
        Target onMax = Target.atMost("ready <= 3000 ms", ready, "max", 3000);
        assertFalse(onMax.passed());
        assertEquals(3050.0, onMax.actual());
        assertEquals("ms", onMax.unit());
        assertEquals("watch-service", onMax.service());
        assertTrue(Target.atMost("edge", ready, "max", 3050).passed(), "the limit itself passes");
        assertThrows(IllegalArgumentException.class, () -> Target.atMost("x", ready, "p99", 1));
    }

    @Test
    void samplesAreRoundedToOneDecimal() {
        Metric metric = Metric.of("ready-after-jvm-start", "plan-service", "ms", List.of(5000.291885, 5183.46956));
        assertEquals(List.of(5000.3, 5183.5), metric.samples());
        assertEquals(5091.9, metric.median());
        assertEquals(5183.5, metric.max());
    }

    @Test
    void samplesKeepRunOrderPerServiceAndMetric() {
        MetricSamples samples = new MetricSamples();
        samples.add("accounts-service", "ready", "ms", 3.0);
        samples.add("accounts-service", "rss", "MiB", 200.0);
        samples.add("accounts-service", "ready", "ms", 1.0);
        samples.add("gateway", "ready", "ms", 2.0);
        List<Metric> metrics = samples.metrics();
        assertEquals(3, metrics.size());
        assertEquals(List.of(3.0, 1.0), metrics.get(0).samples());
        assertEquals(2.0, metrics.get(0).median());
        assertEquals("rss", metrics.get(1).name());
        assertEquals("gateway", metrics.get(2).service());
        assertThrows(IllegalArgumentException.class, () -> samples.add("gateway", "ready", "s", 1.0));
        assertThrows(IllegalArgumentException.class, () -> samples.metric("plan-service", "ready"));
    }
}
