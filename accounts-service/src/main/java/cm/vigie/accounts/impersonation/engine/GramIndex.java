package cm.vigie.accounts.impersonation.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverted index of character trigrams (with word boundaries) to reference positions, used to shortlist the few
 * references worth scoring instead of comparing a candidate with all of them. Immutable once built.
 */
final class GramIndex {

    /** Open addressing: {@code keys[slot]} is a trigram (never 0), {@code values[slot]} its references. */
    private final long[] keys;
    private final int[][] values;
    private final int mask;
    private final int[] gramCounts;
    private final int commonLimit;
    /** Per-thread counters, one per reference, left at zero between calls. */
    private final ThreadLocal<int[]> counters;

    private GramIndex(Map<Long, int[]> postings, int[] gramCounts, int commonLimit) {
        int capacity = Integer.highestOneBit(Math.max(16, postings.size() * 2) - 1) << 1;
        this.keys = new long[capacity];
        this.values = new int[capacity][];
        this.mask = capacity - 1;
        postings.forEach((gram, refs) -> {
            int slot = slot(gram);
            while (keys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = gram;
            values[slot] = refs;
        });
        this.gramCounts = gramCounts;
        this.commonLimit = commonLimit;
        this.counters = ThreadLocal.withInitial(() -> new int[gramCounts.length]);
    }

    private int slot(long gram) {
        long h = gram * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private int[] postings(long gram) {
        int slot = slot(gram);
        while (true) {
            long key = keys[slot];
            if (key == gram) {
                return values[slot];
            }
            if (key == 0) {
                return null;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** {@code strings.get(i)} are the strings of reference {@code i}. */
    static GramIndex build(List<? extends Collection<String>> strings) {
        Map<Long, IntList> lists = new HashMap<>();
        int[] counts = new int[strings.size()];
        for (int ref = 0; ref < strings.size(); ref++) {
            long[] grams = grams(strings.get(ref));
            counts[ref] = grams.length;
            for (long gram : grams) {
                lists.computeIfAbsent(gram, g -> new IntList()).add(ref);
            }
        }
        Map<Long, int[]> postings = new HashMap<>(lists.size() * 2);
        lists.forEach((gram, list) -> postings.put(gram, list.toArray()));
        // A trigram shared by a large share of the references ("^rn" of "ministère") says little: skip it.
        int commonLimit = Math.max(48, strings.size() / 40);
        return new GramIndex(postings, counts, commonLimit);
    }

    /** Distinct trigrams of the strings, each padded with {@code ^} and {@code $}. */
    static long[] grams(Collection<String> strings) {
        long[] out = new long[16];
        int size = 0;
        for (String s : strings) {
            if (s == null || s.isEmpty()) {
                continue;
            }
            int n = s.length() + 2;
            for (int i = 0; i + 3 <= n; i++) {
                long gram = ((long) at(s, i - 1) << 32) | ((long) at(s, i) << 16) | at(s, i + 1);
                boolean seen = false;
                for (int j = 0; j < size; j++) {
                    if (out[j] == gram) {
                        seen = true;
                        break;
                    }
                }
                if (!seen) {
                    if (size == out.length) {
                        out = Arrays.copyOf(out, size * 2);
                    }
                    out[size++] = gram;
                }
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static char at(String s, int i) {
        return i < 0 ? '^' : i >= s.length() ? '$' : s.charAt(i);
    }

    /**
     * Up to {@code max} references sharing the most trigrams with the given ones (at least {@code minShared}),
     * best first, ranked by shared² / reference trigram count so that long references do not win by size.
     */
    int[] shortlist(long[] grams, int minShared, int max) {
        int[] counts = counters.get();
        int[] touched = new int[64];
        int touchedSize = 0;
        for (long gram : grams) {
            int[] refs = postings(gram);
            if (refs == null || refs.length > commonLimit) {
                continue;
            }
            for (int ref : refs) {
                if (counts[ref]++ == 0) {
                    if (touchedSize == touched.length) {
                        touched = Arrays.copyOf(touched, touchedSize * 2);
                    }
                    touched[touchedSize++] = ref;
                }
            }
        }
        int[] best = new int[max];
        double[] bestRank = new double[max];
        int size = 0;
        for (int t = 0; t < touchedSize; t++) {
            int ref = touched[t];
            int shared = counts[ref];
            counts[ref] = 0;
            if (shared < minShared) {
                continue;
            }
            double rank = (double) shared * shared / gramCounts[ref];
            if (size < max) {
                int i = size++;
                while (i > 0 && bestRank[i - 1] < rank) {
                    best[i] = best[i - 1];
                    bestRank[i] = bestRank[i - 1];
                    i--;
                }
                best[i] = ref;
                bestRank[i] = rank;
            } else if (rank > bestRank[max - 1]) {
                int i = max - 1;
                while (i > 0 && bestRank[i - 1] < rank) {
                    best[i] = best[i - 1];
                    bestRank[i] = bestRank[i - 1];
                    i--;
                }
                best[i] = ref;
                bestRank[i] = rank;
            }
        }
        return Arrays.copyOf(best, size);
    }

    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == 0 || values[size - 1] != value) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = value;
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
