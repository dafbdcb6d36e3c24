package cm.vigie.benchmarks.matching;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.report.Metric;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;
import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.matching.MatchingEngine;
import cm.vigie.watch.matching.Query;
import cm.vigie.watch.matching.lucene.LuceneTranslation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.QueryMatch;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code benchmarks/run matching}: the engine and Lucene Monitor side by side in one JMH run (see
 * {@link MatchingBenchmark}), after checking that both match the same queries on part of the corpus.
 * Target: the engine matches at least 5 times as many documents per second as Lucene Monitor (the faster of its
 * per-document and batched modes) at 1,000 and at 10,000 queries.
 */
public final class MatchingSuite implements Suite {

    static final String METRIC = "documents-per-second";
    static final double SPEED_UP = 5.0;
    private static final int CHECKED_POSTS = 1_000;
    private static final int CHECKED_QUERIES = 1_000;

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public String description() {
        return "matching engine vs Lucene Monitor 9.11.1, documents/s at 100, 1,000 and 10,000 queries (JMH, one thread)";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        checkAgreement(context);
        context.progress("JMH: 3 query counts x 3 implementations, 1 fork each (about 6 minutes)");
        Options options = new OptionsBuilder()
                .include(MatchingBenchmark.class.getName() + ".match")
                .forks(1)
                .threads(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(3))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(3))
                .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        MetricSamples samples = new MetricSamples();
        for (RunResult result : results) {
            String implementation = result.getParams().getParam("implementation");
            String queries = result.getParams().getParam("queries");
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    samples.add(implementation + " @ " + queries + " queries", METRIC, "docs/s",
                            iteration.getPrimaryResult().getScore());
                }
            }
        }
        List<Target> targets = new ArrayList<>();
        for (String queries : List.of("1000", "10000")) {
            double engine = samples.metric(component(MatchingBenchmark.ENGINE, queries), METRIC).median();
            double lucene = Math.max(
                    samples.metric(component(MatchingBenchmark.LUCENE, queries), METRIC).median(),
                    samples.metric(component(MatchingBenchmark.LUCENE_BATCH, queries), METRIC).median());
            double share = lucene / engine;
            samples.add("engine vs lucene-monitor @ " + queries + " queries", "lucene-share-of-engine-rate", "ratio", share);
            context.progress("%s queries: engine %.0f docs/s, Lucene Monitor (best mode) %.0f docs/s, speed-up %.1fx",
                    queries, engine, lucene, engine / lucene);
        }
        for (String queries : List.of("1000", "10000")) {
            Metric share = samples.metric("engine vs lucene-monitor @ " + queries + " queries", "lucene-share-of-engine-rate");
            targets.add(Target.atMost("engine >= 5x Lucene Monitor docs/s (Lucene/engine <= 0.2)", share, "median",
                    1.0 / SPEED_UP));
        }
        context.note("Medians of 5 JMH iterations of 3 s (after 2 of warm-up) in one fork per configuration, -Xmx1g;"
                + " Lucene Monitor's best of one-document and " + MatchingBenchmark.BATCH + "-document batches is the reference.");
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), targets, context.notesSoFar());
    }

    private static String component(String implementation, String queries) {
        return implementation + " @ " + queries + " queries";
    }

    /** Both sides must match the same queries, else the speeds compare different work. */
    private static void checkAgreement(SuiteContext context) throws Exception {
        SyntheticCorpus corpus = new SyntheticCorpus();
        List<MatchDocument> posts = corpus.posts(CHECKED_POSTS);
        Map<UUID, Query> queries = MatchingBenchmark.parse(corpus.queries(CHECKED_QUERIES));
        MatchingEngine engine = MatchingEngine.compile(queries);
        long matches = 0;
        try (Monitor monitor = MatchingBenchmark.monitor(queries)) {
            for (MatchDocument post : posts) {
                Set<UUID> expected = new HashSet<>();
                monitor.match(LuceneTranslation.document(post), QueryMatch.SIMPLE_MATCHER).getMatches()
                        .forEach(match -> expected.add(UUID.fromString(match.getQueryId())));
                Set<UUID> actual = engine.match(post);
                if (!expected.equals(actual)) {
                    throw new SuiteFailure("the engine and Lucene Monitor disagree on post " + post + ": Lucene "
                            + expected.size() + " matches, engine " + actual.size(), List.of());
                }
                matches += actual.size();
            }
        }
        context.progress("Agreement check: %d posts x %d queries, identical matches (%.2f matching queries per post)",
                CHECKED_POSTS, CHECKED_QUERIES, (double) matches / CHECKED_POSTS);
        context.note(String.format(java.util.Locale.ROOT,
                "Before timing, both matched the first %d posts against %d queries identically (%.2f matches per post).",
                CHECKED_POSTS, CHECKED_QUERIES, (double) matches / CHECKED_POSTS));
    }
}
