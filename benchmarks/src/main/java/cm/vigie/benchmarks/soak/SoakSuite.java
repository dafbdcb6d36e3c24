package cm.vigie.benchmarks.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.faults.LiveStack;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;
import cm.vigie.benchmarks.soak.MixedWorkload.Kind;

/**
 * {@code benchmarks/run soak}: the whole platform (four services, PostgreSQL, tokens from the test identity
 * provider) under the mixed workload of {@link MixedWorkload} at 70 % of the maximum measured in the same run, for
 * {@code -Dvigie.soak.seconds} (600 by default; {@code VIGIE_SOAK_SECONDS} in {@code benchmarks/run}). Targets: no
 * 5xx, heap after a full GC at the end within 10 % of the start on every service, PostgreSQL connections within
 * the pools' bound.
 */
public final class SoakSuite implements Suite {

    static final String SERVICE = "gateway";
    static final double HEAP_GROWTH_PERCENT = 10;
    private static final int NOTED_GROWTH_LINES = 5;

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public String description() {
        return "mixed load through the gateway (70 % reads, 20 % ingest, 10 % writes) at 70 % of the measured maximum "
                + "for 10 minutes: no 5xx, heap after full GC within 10 %, PostgreSQL connections bounded";
    }

    static Duration hold() {
        return Duration.ofSeconds(Long.getLong("vigie.soak.seconds", 600));
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        MetricSamples samples = new MetricSamples();
        Soak.Result result;
        Duration hold = hold();
        try (LiveStack stack = LiveStack.start(context.repoRoot(), context.runDir(), context.javaHome(), false,
                context.runDir().resolve("keycloak-unused"), line -> context.progress("%s", line))) {
            result = Soak.run(stack, Soak.Settings.of(hold), line -> context.progress("%s", line));
        } catch (Exception e) {
            throw new SuiteFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), samples.metrics(), e);
        }
        return report(context, samples, result, hold);
    }

    SuiteReport report(SuiteContext context, MetricSamples samples, Soak.Result result, Duration hold) {
        MixedWorkload.Tally tally = result.tally();
        samples.add(SERVICE, "max-throughput", "ops/s", result.maxThroughput());
        samples.add(SERVICE, "soak-target-rate", "ops/s", result.targetRate());
        samples.add(SERVICE, "soak-achieved-rate", "ops/s", result.achievedRate());
        samples.add(SERVICE, "soak-duration", "s", hold.toSeconds());
        samples.add(SERVICE, "operations", "ops", tally.total());
        samples.add(SERVICE, "5xx-or-no-answer", "answers", tally.serverErrors());
        samples.add(SERVICE, "4xx", "answers", tally.clientErrors());
        for (Kind kind : Kind.values()) {
            String k = kind.name().toLowerCase(Locale.ROOT);
            samples.add(SERVICE, k + "-count", "ops", tally.count(kind));
            samples.add(SERVICE, k + "-p50", "ms", tally.percentile(kind, 0.5));
            samples.add(SERVICE, k + "-p99", "ms", tally.percentile(kind, 0.99));
        }
        for (Map.Entry<String, Double> heap : result.heapStartMiB().entrySet()) {
            samples.add(heap.getKey(), "heap-after-gc-start", "MiB", heap.getValue());
            samples.add(heap.getKey(), "heap-after-gc-end", "MiB", result.heapEndMiB().get(heap.getKey()));
            samples.add(heap.getKey(), "heap-growth", "%", result.heapGrowthPercent().get(heap.getKey()));
        }
        for (int n : result.connections()) {
            samples.add("postgres", "client-connections", "connections", n);
        }
        List<Target> targets = new ArrayList<>();
        targets.add(Target.atMost("no 5xx (nor unanswered request) during the soak", samples.metric(SERVICE,
                "5xx-or-no-answer"), "max", 0));
        for (String service : result.heapStartMiB().keySet()) {
            targets.add(Target.atMost(service + ": heap after full GC at the end within 10 % of the start",
                    samples.metric(service, "heap-growth"), "max", HEAP_GROWTH_PERCENT));
        }
        targets.add(Target.atMost("PostgreSQL connections <= " + result.connectionLimit() + " (3 pools of "
                + Soak.POOL_MAX + ")", samples.metric("postgres", "client-connections"), "max", result.connectionLimit()));
        result.heapGrowthPercent().forEach((service, percent) -> {
            if (percent > 0) {
                context.note(String.format(Locale.ROOT, "%s heap %+.1f %%; live objects that grew most (jcmd "
                        + "GC.class_histogram before and after the hold): %s", service, percent,
                        result.heapGrowthByClass().get(service).stream().limit(NOTED_GROWTH_LINES).toList()));
            }
        });
        if (!tally.serverErrorSamples().isEmpty()) {
            context.note("first 5xx: " + tally.serverErrorSamples().get(0));
        }
        context.note(String.format(Locale.ROOT, "mix during the soak: %s %% of %d operations; the open loop sent %.0f "
                + "of the %.0f operations/s it aimed at", Soak.mix(tally), tally.total(), result.achievedRate(),
                result.targetRate()));
        context.note("load generator, gateway, three services and PostgreSQL share the same " + context.machine().cores()
                + " cores");
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), targets, context.notesSoFar());
    }
}
