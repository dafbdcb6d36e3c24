package cm.vigie.benchmarks.hoax;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import cm.vigie.watch.hoax.similarity.NearDuplicateIndex;
import cm.vigie.watch.hoax.similarity.Shingles;
import cm.vigie.watch.hoax.similarity.Similarity;

/**
 * Posts per second compared with 100, 1,000 and 10,000 known claims, one thread: the detector's index (MinHash +
 * LSH candidates, exact score) and, as the reference, the exact score against every claim. One operation is one
 * post, normalisation included, exactly what {@code HoaxDetector} does per mention.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoaxBenchmark {

    static final int POSTS = 10_000;
    static final String INDEX = "lsh-index";
    static final String EXHAUSTIVE = "exhaustive";

    @Param({ "100", "1000", "10000" })
    public int claims;

    @Param({ INDEX, EXHAUSTIVE })
    public String implementation;

    private List<String> posts;
    private NearDuplicateIndex<Integer> index;
    private List<Shingles> claimShingles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticClaims corpus = new SyntheticClaims();
        List<String> texts = corpus.claims(claims);
        posts = corpus.posts(POSTS, texts).texts();
        index = index(texts);
        claimShingles = new ArrayList<>(texts.size());
        for (String text : texts) {
            claimShingles.add(Shingles.of(text));
        }
    }

    static NearDuplicateIndex<Integer> index(List<String> claims) {
        NearDuplicateIndex.Builder<Integer> builder = NearDuplicateIndex.builder(NearDuplicateIndex.Settings.DEFAULT);
        for (int i = 0; i < claims.size(); i++) {
            builder.add(i, claims.get(i));
        }
        return builder.build();
    }

    /** The matches of one post: through the index, or by scoring every claim. */
    @Benchmark
    public int compare() {
        String post = posts.get(next);
        next = next + 1 == POSTS ? 0 : next + 1;
        if (implementation.equals(INDEX)) {
            return index.query(post).size();
        }
        return exhaustive(claimShingles, post);
    }

    static int exhaustive(List<Shingles> claims, String post) {
        Shingles shingles = Shingles.of(post);
        int matches = 0;
        for (Shingles claim : claims) {
            if (Similarity.score(claim, shingles) >= NearDuplicateIndex.Settings.DEFAULT.threshold()) {
                matches++;
            }
        }
        return matches;
    }
}
