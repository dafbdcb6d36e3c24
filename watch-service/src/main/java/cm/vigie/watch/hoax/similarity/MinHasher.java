package cm.vigie.watch.hoax.similarity;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code n} independent hash functions, the smallest hash of a text's shingles.
 * Two signatures agree at a position with probability equal to the Jaccard similarity of the shingle sets.
 */
public final class MinHasher {

    private final long[] seeds;

    public MinHasher(int functions, long seed) {
        if (functions < 1) {
            throw new IllegalArgumentException("at least one hash function");
        }
        SplittableRandom random = new SplittableRandom(seed);
        this.seeds = new long[functions];
        for (int i = 0; i < functions; i++) {
            seeds[i] = random.nextLong() | 1L;
        }
    }

    public int functions() {
        return seeds.length;
    }

    public long[] signature(Shingles shingles) {
        long[] signature = new long[seeds.length];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (long shingle : shingles.hashes()) {
            for (int i = 0; i < seeds.length; i++) {
                long h = Hashing.mix(shingle ^ seeds[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** The fraction of positions where two signatures agree: an estimate of the Jaccard similarity. */
    public static double estimate(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }
}
