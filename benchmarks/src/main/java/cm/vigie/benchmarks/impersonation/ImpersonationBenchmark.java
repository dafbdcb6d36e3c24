package cm.vigie.benchmarks.impersonation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import cm.vigie.accounts.impersonation.engine.Candidate;
import cm.vigie.accounts.impersonation.engine.ImpersonationIndex;
import cm.vigie.accounts.impersonation.engine.PlatformHandle;
import cm.vigie.accounts.impersonation.engine.Reference;
import cm.vigie.accounts.impersonation.engine.ScoringSettings;

/**
 * Scoring {@value #CANDIDATES} candidates against {@value #PERSONS} protected persons and {@value #ACCOUNTS}
 * official accounts on one thread, with the indexed engine and with a naive all-pairs Jaro-Winkler baseline
 * (every candidate's handle and name against every reference's handles and names), in the same run. Both report
 * the average time per candidate; the baseline is measured on the first {@value #BASELINE_SAMPLE} candidates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ImpersonationBenchmark {

    static final int PERSONS = 1_000;
    static final int ACCOUNTS = 5_000;
    static final int CANDIDATES = 100_000;
    static final int BASELINE_SAMPLE = 200;
    static final long SEED = 20261127L;

    private ImpersonationIndex index;
    private List<Candidate> candidates;
    private String[][] referenceStrings;
    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();

    @Setup(Level.Trial)
    public void setUp() {
        ImpersonationData data = ImpersonationData.generate(PERSONS, ACCOUNTS, CANDIDATES, SEED);
        index = ImpersonationIndex.build(data.references, ScoringSettings.defaults());
        candidates = data.candidates;
        referenceStrings = new String[data.references.size()][];
        for (int i = 0; i < data.references.size(); i++) {
            Reference r = data.references.get(i);
            List<String> strings = new ArrayList<>();
            if (r.handle() != null) {
                strings.add(fold(r.handle()));
            }
            for (PlatformHandle h : r.officialHandles()) {
                strings.add(fold(h.handle()));
            }
            strings.add(fold(r.displayName()));
            r.aliases().forEach(a -> strings.add(fold(a)));
            referenceStrings[i] = strings.toArray(String[]::new);
        }
    }

    /** The engine: blocking by skeleton and trigrams, then full scoring of the shortlist. */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public void indexed(Blackhole blackhole) {
        for (Candidate candidate : candidates) {
            blackhole.consume(index.score(candidate, ImpersonationData.NOW));
        }
    }

    /** The naive way: Jaro-Winkler of the folded handle and name against every string of every reference. */
    @Benchmark
    @OperationsPerInvocation(BASELINE_SAMPLE)
    public void allPairsJaroWinkler(Blackhole blackhole) {
        for (int c = 0; c < BASELINE_SAMPLE; c++) {
            Candidate candidate = candidates.get(c);
            String handle = fold(candidate.handle());
            String name = candidate.displayName() == null ? "" : fold(candidate.displayName());
            double best = 0;
            int closest = -1;
            for (int r = 0; r < referenceStrings.length; r++) {
                for (String s : referenceStrings[r]) {
                    double similarity = Math.max(jaroWinkler.apply(handle, s),
                            name.isEmpty() ? 0 : jaroWinkler.apply(name, s));
                    if (similarity > best) {
                        best = similarity;
                        closest = r;
                    }
                }
            }
            blackhole.consume(best);
            blackhole.consume(closest);
        }
    }

    static String fold(String text) {
        String stripped = text.strip();
        while (stripped.startsWith("@")) {
            stripped = stripped.substring(1);
        }
        return Normalizer.normalize(stripped, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
