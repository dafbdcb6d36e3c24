package cm.vigie.watch.hoax.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which known texts a new text restates. Each known text (a claim) is kept as its shingle set and MinHash
 * signature; the signatures are cut into bands and every band is a hash-table key (locality-sensitive hashing),
 * so a query only scores the claims that share at least one band with it. Candidates are then scored exactly
 * (see {@link Similarity}) and kept at or above the threshold.
 *
 * <p>Immutable once built and safe to query from any thread: a change rebuilds it and swaps the reference.
 *
 * @param <K> what a claim belongs to (a hoax id); several claims may share one key, the best one counts
 */
public final class NearDuplicateIndex<K> {

    public record Match<K>(K key, double similarity) {
    }

    private record Entry<K>(K key, Shingles shingles) {
    }

    private final Settings settings;
    private final MinHasher hasher;
    private final List<Entry<K>> entries;
    private final List<Map<Long, int[]>> bands;

    private NearDuplicateIndex(Settings settings, MinHasher hasher, List<Entry<K>> entries, List<long[]> signatures) {
        this.settings = settings;
        this.hasher = hasher;
        this.entries = entries;
        this.bands = new ArrayList<>(settings.bands());
        for (int band = 0; band < settings.bands(); band++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < signatures.size(); i++) {
                buckets.computeIfAbsent(bandKey(signatures.get(i), band), k -> new ArrayList<>()).add(i);
            }
            Map<Long, int[]> frozen = HashMap.newHashMap(buckets.size());
            buckets.forEach((key, ids) -> frozen.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
            bands.add(frozen);
        }
    }

    public static <K> Builder<K> builder(Settings settings) {
        return new Builder<>(settings);
    }

    public static <K> NearDuplicateIndex<K> empty(Settings settings) {
        return new Builder<K>(settings).build();
    }

    public int size() {
        return entries.size();
    }

    public Settings settings() {
        return settings;
    }

    /** The keys whose claims the text restates, best first, one match per key. */
    public List<Match<K>> query(String text) {
        return query(Shingles.of(text));
    }

    public List<Match<K>> query(Shingles text) {
        if (entries.isEmpty() || text.words() < settings.minWords()) {
            return List.of();
        }
        long[] signature = hasher.signature(text);
        boolean[] seen = new boolean[entries.size()];
        Map<K, Double> best = new LinkedHashMap<>();
        for (int band = 0; band < bands.size(); band++) {
            int[] bucket = bands.get(band).get(bandKey(signature, band));
            if (bucket == null) {
                continue;
            }
            for (int candidate : bucket) {
                if (seen[candidate]) {
                    continue;
                }
                seen[candidate] = true;
                Entry<K> entry = entries.get(candidate);
                double similarity = Similarity.score(entry.shingles(), text);
                if (similarity >= settings.threshold()) {
                    best.merge(entry.key(), similarity, Math::max);
                }
            }
        }
        List<Match<K>> matches = new ArrayList<>(best.size());
        best.forEach((key, similarity) -> matches.add(new Match<>(key, similarity)));
        matches.sort(Comparator.comparingDouble((Match<K> m) -> m.similarity()).reversed());
        return matches;
    }

    private long bandKey(long[] signature, int band) {
        int rows = settings.rows();
        long key = band;
        for (int i = band * rows; i < (band + 1) * rows; i++) {
            key = Hashing.mix(key * 0x100000001b3L ^ signature[i]);
        }
        return key;
    }

    public static final class Builder<K> {

        private final Settings settings;
        private final MinHasher hasher;
        private final List<Entry<K>> entries = new ArrayList<>();
        private final List<long[]> signatures = new ArrayList<>();

        private Builder(Settings settings) {
            this.settings = settings;
            this.hasher = new MinHasher(settings.bands() * settings.rows(), settings.seed());
        }

        /** Adds one claim; claims too short to be told apart from chance are skipped. Answers whether it was kept. */
        public boolean add(K key, String claim) {
            Shingles shingles = Shingles.of(claim);
            if (shingles.words() < settings.minWords()) {
                return false;
            }
            entries.add(new Entry<>(key, shingles));
            signatures.add(hasher.signature(shingles));
            return true;
        }

        public NearDuplicateIndex<K> build() {
            return new NearDuplicateIndex<>(settings, hasher, List.copyOf(entries), List.copyOf(signatures));
        }
    }

    /**
     * @param bands     LSH bands; with {@code rows} rows each, a pair of Jaccard similarity {@code j} becomes a
     *                  candidate with probability {@code 1 - (1 - j^rows)^bands}
     * @param rows      MinHash values per band
     * @param threshold the smallest {@link Similarity} reported
     * @param minWords  texts with fewer distinct content words are neither indexed nor matched
     * @param seed      seed of the MinHash functions (fixed, so that results are reproducible)
     */
    public record Settings(int bands, int rows, double threshold, int minWords, long seed) {

        public static final Settings DEFAULT = new Settings(64, 2, 0.5, 3, 0x5EED_CAFEL);

        public Settings {
            if (bands < 1 || rows < 1 || threshold <= 0 || threshold > 1 || minWords < 1) {
                throw new IllegalArgumentException("invalid near-duplicate settings");
            }
        }

        public Settings withThreshold(double value) {
            return new Settings(bands, rows, value, minWords, seed);
        }

        @Override
        public String toString() {
            return "Settings" + Arrays.asList(bands, rows, threshold, minWords);
        }
    }
}
