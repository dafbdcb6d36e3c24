package cm.vigie.benchmarks.impersonation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import cm.vigie.accounts.impersonation.engine.Candidate;
import cm.vigie.accounts.impersonation.engine.ImpersonationIndex;
import cm.vigie.accounts.impersonation.engine.Reference;
import cm.vigie.accounts.impersonation.engine.Score;
import cm.vigie.accounts.impersonation.engine.ScoringSettings;
import cm.vigie.accounts.impersonation.engine.Verdict;
import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.report.Metric;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;

/**
 * {@code benchmarks/run impersonation}: the JMH {@link ImpersonationBenchmark} (indexed engine and all-pairs
 * Jaro-Winkler baseline in one run, one fork, one thread), plus a single scoring pass in this JVM that checks the
 * shortlists still find the lookalikes planted in the workload (speed bought with misses would not count).
 */
public final class ImpersonationSuite implements Suite {

    static final double MAX_MICROS_PER_CANDIDATE = 50.0;   // 20,000 candidates per second
    static final double MAX_PERCENT_OF_BASELINE = 5.0;     // at least 20 times the baseline

    @Override
    public String name() {
        return "impersonation";
    }

    @Override
    public String description() {
        return "impersonation scoring, 100,000 candidates vs 1,000 persons + 5,000 accounts, one thread, "
                + "indexed engine (target >= 20,000/s) vs all-pairs Jaro-Winkler (>= 20x). About 2 minutes.";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        List<Metric> metrics = new ArrayList<>();
        metrics.addAll(plantedLookalikes(context));

        context.progress("JMH: indexed engine and all-pairs Jaro-Winkler baseline, 1 fork, 1 thread");
        Options options = new OptionsBuilder()
                .include(ImpersonationBenchmark.class.getName() + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(3))
                .jvmArgsAppend("-Xms768m", "-Xmx768m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (Exception e) {
            throw new SuiteFailure("JMH failed: " + e.getMessage(), metrics, e);
        }
        List<Double> indexed = iterationScores(results, "indexed");
        List<Double> baseline = iterationScores(results, "allPairsJaroWinkler");
        if (indexed.isEmpty() || baseline.isEmpty()) {
            throw new SuiteFailure("JMH returned no result for one of the two benchmarks", metrics);
        }
        Metric indexedTime = Metric.of("time-per-candidate", "indexed", "µs", indexed);
        Metric baselineTime = Metric.of("time-per-candidate", "all-pairs-jaro-winkler", "µs", baseline);
        metrics.add(indexedTime);
        metrics.add(Metric.of("candidates-per-second", "indexed", "candidates/s",
                indexed.stream().map(us -> 1_000_000 / us).toList()));
        metrics.add(baselineTime);
        metrics.add(Metric.of("candidates-per-second", "all-pairs-jaro-winkler", "candidates/s",
                baseline.stream().map(us -> 1_000_000 / us).toList()));
        double baselineMedian = median(baseline);
        Metric speedUp = Metric.of("speed-up-over-baseline", "indexed", "x",
                indexed.stream().map(us -> baselineMedian / us).toList());
        Metric share = Metric.of("time-as-share-of-baseline", "indexed", "%",
                indexed.stream().map(us -> 100 * us / baselineMedian).toList());
        metrics.add(speedUp);
        metrics.add(share);

        List<Target> targets = List.of(
                Target.atMost("<= 50 µs per candidate (>= 20,000 candidates/s), every iteration", indexedTime, "max",
                        MAX_MICROS_PER_CANDIDATE),
                Target.atMost("<= 5 % of the baseline's time (>= 20x faster), every iteration", share, "max",
                        MAX_PERCENT_OF_BASELINE));
        context.note(String.format(Locale.ROOT, "baseline measured on the first %d of the %,d candidates and "
                + "reported per candidate; the engine on all of them", ImpersonationBenchmark.BASELINE_SAMPLE,
                ImpersonationBenchmark.CANDIDATES));
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(),
                SuiteReport.COMPLETED, null, metrics, targets, context.notesSoFar());
    }

    /**
     * One pass over the workload: how many planted lookalikes end LIKELY or SUSPICIOUS on the reference they
     * imitate (or an account of the same name).
     */
    private List<Metric> plantedLookalikes(SuiteContext context) {
        context.progress("Generating %,d candidates, %,d persons and %,d accounts", ImpersonationBenchmark.CANDIDATES,
                ImpersonationBenchmark.PERSONS, ImpersonationBenchmark.ACCOUNTS);
        ImpersonationData data = ImpersonationData.generate(ImpersonationBenchmark.PERSONS,
                ImpersonationBenchmark.ACCOUNTS, ImpersonationBenchmark.CANDIDATES, ImpersonationBenchmark.SEED);
        long start = System.nanoTime();
        ImpersonationIndex index = ImpersonationIndex.build(data.references, ScoringSettings.defaults());
        double buildMs = (System.nanoTime() - start) / 1e6;
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Map<UUID, Reference> byId = new HashMap<>();
        data.references.forEach(r -> byId.put(r.id(), r));
        int planted = 0;
        int caught = 0;
        int likely = 0;
        for (int i = 0; i < data.candidates.size(); i++) {
            Candidate candidate = data.candidates.get(i);
            Score score = index.score(candidate, ImpersonationData.NOW);
            verdicts.merge(score.verdict(), 1, Integer::sum);
            if (data.imitates.get(i) != null) {
                planted++;
                // The same institution often has several accounts with one name: any of them is the right answer.
                Reference target = byId.get(data.imitates.get(i));
                boolean right = score.closest() != null
                        && Objects.equals(score.closest().displayName(), target.displayName());
                if (right && score.verdict() != Verdict.UNRELATED) {
                    caught++;
                }
                if (right && score.verdict() == Verdict.LIKELY_IMPERSONATION) {
                    likely++;
                }
            }
        }
        context.progress("Index built in %.0f ms; verdicts over the workload: %s; planted lookalikes %d, flagged on "
                + "the right reference %d, of which LIKELY %d", buildMs, verdicts, planted, caught, likely);
        // CPU time of this thread for two more (warm) passes: unlike JMH's wall-clock figures, it does not grow
        // when other processes share the processors.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> cpuMicros = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (Candidate candidate : data.candidates) {
                index.score(candidate, ImpersonationData.NOW);
            }
            cpuMicros.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / data.candidates.size());
        }
        context.progress("CPU time per candidate in this JVM: %s µs", cpuMicros);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("index-build", "indexed", "ms", List.of(buildMs)));
        metrics.add(Metric.of("planted-lookalikes", "workload", "count", List.of((double) planted)));
        metrics.add(Metric.of("planted-flagged-on-right-reference", "indexed", "%",
                List.of(100.0 * caught / Math.max(1, planted))));
        metrics.add(Metric.of("planted-likely-on-right-reference", "indexed", "%",
                List.of(100.0 * likely / Math.max(1, planted))));
        metrics.add(Metric.of("flagged-likely", "indexed", "count",
                List.of((double) verdicts.getOrDefault(Verdict.LIKELY_IMPERSONATION, 0))));
        metrics.add(Metric.of("cpu-time-per-candidate", "indexed", "µs", cpuMicros));
        return metrics;
    }

    private static List<Double> iterationScores(Collection<RunResult> results, String method) {
        List<Double> scores = new ArrayList<>();
        for (RunResult result : results) {
            if (!result.getParams().getBenchmark().endsWith("." + method)) {
                continue;
            }
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
        }
        return scores;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
