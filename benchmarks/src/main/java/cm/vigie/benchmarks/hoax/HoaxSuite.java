package cm.vigie.benchmarks.hoax;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import cm.vigie.benchmarks.Suite;
import cm.vigie.benchmarks.SuiteContext;
import cm.vigie.benchmarks.SuiteFailure;
import cm.vigie.benchmarks.report.Metric;
import cm.vigie.benchmarks.report.MetricSamples;
import cm.vigie.benchmarks.report.SuiteReport;
import cm.vigie.benchmarks.report.Target;
import cm.vigie.watch.hoax.similarity.NearDuplicateIndex;
import cm.vigie.watch.hoax.similarity.Shingles;

/**
 * {@code benchmarks/run hoax}: how fast known-hoax detection compares a post with 100, 1,000 and 10,000 claims
 * (see {@link HoaxBenchmark}), after checking on the synthetic corpus that the index finds what exhaustive scoring
 * finds. Target: at most 200 µs per post at 10,000 claims on one thread, so that detection alone allows the 5,000
 * mentions/s ingestion target with a core to spare.
 */
public final class HoaxSuite implements Suite {

    static final String RATE = "posts-per-second";
    static final String COST = "microseconds-per-post";
    static final double MAX_MICROS = 200;
    private static final int CHECKED_POSTS = 5_000;

    @Override
    public String name() {
        return "hoax";
    }

    @Override
    public String description() {
        return "known-hoax detection, posts/s against 100, 1,000 and 10,000 claims, LSH index vs exhaustive (JMH, one thread)";
    }

    @Override
    public SuiteReport run(SuiteContext context) throws Exception {
        double agreement = checkAgreement(context);
        context.progress("JMH: 3 claim counts x 2 implementations, 1 fork each (about 3 minutes)");
        Options options = new OptionsBuilder()
                .include(HoaxBenchmark.class.getName() + ".compare")
                .forks(1)
                .threads(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        MetricSamples samples = new MetricSamples();
        for (RunResult result : results) {
            String component = result.getParams().getParam("implementation") + " @ " + result.getParams().getParam("claims")
                    + " claims";
            for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    double rate = iteration.getPrimaryResult().getScore();
                    samples.add(component, RATE, "posts/s", rate);
                    samples.add(component, COST, "µs", 1_000_000 / rate);
                }
            }
        }
        for (String claims : List.of("100", "1000", "10000")) {
            double index = samples.metric(HoaxBenchmark.INDEX + " @ " + claims + " claims", RATE).median();
            double exhaustive = samples.metric(HoaxBenchmark.EXHAUSTIVE + " @ " + claims + " claims", RATE).median();
            context.progress("%s claims: index %.0f posts/s, exhaustive %.0f posts/s (%.1fx)", claims, index, exhaustive,
                    index / exhaustive);
        }
        samples.add("lsh-index vs exhaustive @ 1000 claims", "restatements-found-by-both", "ratio", agreement);
        List<Target> targets = new ArrayList<>();
        Metric cost = samples.metric(HoaxBenchmark.INDEX + " @ 10000 claims", COST);
        targets.add(Target.atMost("index <= 200 µs per post at 10,000 claims (>= 5,000 posts/s)", cost, "median", MAX_MICROS));
        context.note("Medians of 5 JMH iterations of 2 s (after 2 of warm-up), one fork per configuration, -Xmx512m;"
                + " 10,000 synthetic posts of 20-60 Zipf words, one in ten a restatement of a claim.");
        return new SuiteReport(name(), SuiteReport.isoDate(context.started()), context.machine(), SuiteReport.COMPLETED,
                null, samples.metrics(), targets, context.notesSoFar());
    }

    /** The index must find the restatements exhaustive scoring finds, else its speed is not worth comparing. */
    private static double checkAgreement(SuiteContext context) throws SuiteFailure {
        SyntheticClaims corpus = new SyntheticClaims();
        List<String> claims = corpus.claims(1_000);
        SyntheticClaims.Posts posts = corpus.posts(CHECKED_POSTS, claims);
        NearDuplicateIndex<Integer> index = HoaxBenchmark.index(claims);
        List<Shingles> claimShingles = claims.stream().map(Shingles::of).toList();
        int restatements = 0;
        int foundByIndex = 0;
        int foundExhaustively = 0;
        int spurious = 0;
        for (int i = 0; i < CHECKED_POSTS; i++) {
            int restated = posts.restates()[i];
            String post = posts.texts().get(i);
            boolean indexed = index.query(post).stream().anyMatch(match -> match.key() == restated);
            if (restated < 0) {
                spurious += index.query(post).size();
                continue;
            }
            restatements++;
            foundByIndex += indexed ? 1 : 0;
            foundExhaustively += HoaxBenchmark.exhaustive(List.of(claimShingles.get(restated)), post) > 0 ? 1 : 0;
        }
        double agreement = foundExhaustively == 0 ? 0 : (double) foundByIndex / foundExhaustively;
        context.progress("Check: %d restatements, exhaustive scoring finds %d, the index %d; %d matches on ordinary posts",
                restatements, foundExhaustively, foundByIndex, spurious);
        context.note(String.format(Locale.ROOT, "Before timing, on %d posts against 1,000 claims: the index found %d of the %d"
                + " restatements exhaustive scoring finds (of %d), and %d matches on the ordinary posts.", CHECKED_POSTS,
                foundByIndex, foundExhaustively, restatements, spurious));
        if (agreement < 0.95) {
            throw new SuiteFailure("the LSH index misses restatements exhaustive scoring finds: " + agreement, List.of());
        }
        return agreement;
    }
}
