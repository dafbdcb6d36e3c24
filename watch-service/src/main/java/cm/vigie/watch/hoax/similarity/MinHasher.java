package cm.vigie.watch.hoax.similarity;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code n} hash functions, the smallest hash of a text's shingles. Two signatures
 * agree at a position with (about) the probability that is the Jaccard similarity of the shingle sets. Shingles are
 * already well-mixed 64-bit hashes, so each function is a multiply-add {@code a·x + b} (odd {@code a}, a bijection
 * of 64-bit values): one multiplication per shingle and function, where a full mix costs three.
 */
public final class MinHasher {

    private final long[] seeds;
    private final long[] offsets;

    public MinHasher(int functions, long seed) {
        if (functions < 1) {
            throw new IllegalArgumentException("at least one hash function");
        }
        SplittableRandom random = new SplittableRandom(seed);
        this.seeds = new long[functions];
        this.offsets = new long[functions];
        for (int i = 0; i < functions; i++) {
            seeds[i] = random.nextLong() | 1L;
            offsets[i] = random.nextLong();
        }
    }

    public int functions() {
        return seeds.length;
    }

    public long[] signature(Shingles shingles) {
        long[] signature = new long[seeds.length];
        Arrays.fill(signature, Long.MAX_VALUE);
        long[] a = seeds;
        long[] b = offsets;
        for (long shingle : shingles.hashes()) {
            for (int i = 0; i < a.length; i++) {
                long h = a[i] * shingle + b[i];
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
