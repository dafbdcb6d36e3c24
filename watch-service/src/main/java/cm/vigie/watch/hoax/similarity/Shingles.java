package cm.vigie.watch.hoax.similarity;

import java.util.Arrays;
import java.util.List;

/**
 * The features compared between two texts: the hashes of their normalised words (which survive reordering) and
 * of their word bigrams (which reward the same phrasing). Sorted and distinct, so that set operations are merges.
 */
public final class Shingles {

    private static final long BIGRAM_SALT = 0x9E3779B97F4A7C15L;

    private final long[] hashes;
    private final int words;

    private Shingles(long[] hashes, int words) {
        this.hashes = hashes;
        this.words = words;
    }

    public static Shingles of(String text) {
        return of(TextNormalizer.words(text));
    }

    public static Shingles of(List<String> words) {
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = Hashing.hash(words.get(i));
        }
        int bigrams = Math.max(0, wordHashes.length - 1);
        long[] all = Arrays.copyOf(wordHashes, wordHashes.length + bigrams);
        for (int i = 0; i < bigrams; i++) {
            all[wordHashes.length + i] = Hashing.mix(wordHashes[i] * 31 + wordHashes[i + 1] ^ BIGRAM_SALT);
        }
        return new Shingles(sortedDistinct(all), sortedDistinct(wordHashes).length);
    }

    /** The values sorted, without repeats (sorts the array given). */
    private static long[] sortedDistinct(long[] values) {
        Arrays.sort(values);
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            if (size == 0 || values[i] != values[size - 1]) {
                values[size++] = values[i];
            }
        }
        return size == values.length ? values : Arrays.copyOf(values, size);
    }

    public long[] hashes() {
        return hashes;
    }

    public int size() {
        return hashes.length;
    }

    /** How many distinct content words the text has. */
    public int words() {
        return words;
    }

    public boolean isEmpty() {
        return hashes.length == 0;
    }

    public int intersection(Shingles other) {
        long[] a = hashes;
        long[] b = other.hashes;
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            int order = Long.compare(a[i], b[j]);
            if (order == 0) {
                common++;
                i++;
                j++;
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }
}
