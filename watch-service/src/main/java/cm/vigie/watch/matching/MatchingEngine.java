package cm.vigie.watch.matching;

import cm.vigie.watch.matching.Query.FieldName;
import cm.vigie.watch.matching.analysis.AnalyzedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Matches documents against a fixed set of queries. Immutable and thread-safe: to take a watchlist change,
 * compile a new engine (cheap: linear in the size of the queries) and swap the reference.
 *
 * <p>Each query is indexed under "anchor" keys, words (or prefixes, or field values) of which any matching document
 * must contain at least one (see {@code Anchors}); a document only evaluates the queries anchored under its own
 * words, prefixes and field values, plus the few queries that have no anchor (e.g. a NOT-only query).
 */
public final class MatchingEngine {

    private final UUID[] ids;
    private final CompiledQuery[] queries;
    private final Map<String, int[]> byTerm;
    private final Map<String, int[]> byPrefix;
    private final Map<String, int[]> byField;
    /** {@code prefixLengths[n]}: some prefix key has n letters. */
    private final boolean[] prefixLengths;
    private final int[] unanchored;
    private final Map<String, Integer> dictionary;

    private MatchingEngine(UUID[] ids, CompiledQuery[] queries, Map<String, int[]> byTerm, Map<String, int[]> byPrefix,
                           Map<String, int[]> byField, boolean[] prefixLengths, int[] unanchored,
                           Map<String, Integer> dictionary) {
        this.ids = ids;
        this.queries = queries;
        this.byTerm = byTerm;
        this.byPrefix = byPrefix;
        this.byField = byField;
        this.prefixLengths = prefixLengths;
        this.unanchored = unanchored;
        this.dictionary = dictionary;
    }

    /** Compiles the queries, keyed by their watchlist id. */
    public static MatchingEngine compile(Map<UUID, Query> queries) {
        int size = queries.size();
        UUID[] ids = new UUID[size];
        CompiledQuery[] compiled = new CompiledQuery[size];
        CompiledQuery.Dictionary dictionary = new CompiledQuery.Dictionary();
        Map<String, List<Integer>> byTerm = new HashMap<>();
        Map<String, List<Integer>> byPrefix = new HashMap<>();
        Map<String, List<Integer>> byField = new HashMap<>();
        boolean[] prefixLengths = new boolean[Anchors.PREFIX_KEY + 1];
        List<Integer> unanchored = new ArrayList<>();
        int index = 0;
        for (Map.Entry<UUID, Query> entry : queries.entrySet()) {
            ids[index] = Objects.requireNonNull(entry.getKey(), "query id");
            compiled[index] = CompiledQuery.of(Objects.requireNonNull(entry.getValue(), "query"), dictionary);
            Anchors.Choice anchors = Anchors.of(entry.getValue());
            if (anchors == null) {
                unanchored.add(index);
            } else {
                for (Anchors.Key key : anchors.keys()) {
                    Map<String, List<Integer>> target = switch (key.kind()) {
                        case TERM -> byTerm;
                        case PREFIX -> byPrefix;
                        case FIELD -> byField;
                    };
                    if (key.kind() == Anchors.Kind.PREFIX) {
                        prefixLengths[key.value().length()] = true;
                    }
                    target.computeIfAbsent(key.value(), k -> new ArrayList<>(2)).add(index);
                }
            }
            index++;
        }
        return new MatchingEngine(ids, compiled, freeze(byTerm), freeze(byPrefix), freeze(byField), prefixLengths,
                unanchored.stream().mapToInt(Integer::intValue).toArray(), dictionary.ids());
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> lists) {
        Map<String, int[]> frozen = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> frozen.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return frozen;
    }

    /** Number of compiled queries. */
    public int size() {
        return ids.length;
    }

    /** The ids of the queries that match the document. */
    public Set<UUID> match(MatchDocument document) {
        Objects.requireNonNull(document, "document");
        return ids.length == 0 ? Set.of() : match(DocumentView.of(document));
    }

    /**
     * The same, for a caller that has already analysed the document's text (ingestion analyses each post once for
     * every consumer).
     *
     * @param analyzed {@code TextAnalyzer.analyze(document.text())}
     */
    public Set<UUID> match(MatchDocument document, AnalyzedText analyzed) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(analyzed, "analyzed");
        return ids.length == 0 ? Set.of() : match(DocumentView.of(document, analyzed));
    }

    private Set<UUID> match(DocumentView view) {
        Candidates candidates = new Candidates(ids.length);
        boolean prefixes = !byPrefix.isEmpty();
        for (String term : view.terms()) {
            candidates.add(byTerm.get(term));
            if (prefixes && term.charAt(0) != '#' && term.charAt(0) != '@') {
                int max = Math.min(Anchors.PREFIX_KEY, term.length());
                for (int length = 1; length <= max; length++) {
                    if (prefixLengths[length]) {
                        candidates.add(byPrefix.get(term.substring(0, length)));
                    }
                }
            }
        }
        if (!byField.isEmpty()) {
            addField(FieldName.AUTHOR, view.author(), candidates);
            addField(FieldName.PLATFORM, view.platform(), candidates);
            addField(FieldName.LANG, view.language(), candidates);
            for (String domain : view.domains()) {
                addField(FieldName.DOMAIN, domain, candidates);
            }
        }
        candidates.add(unanchored);
        if (candidates.count > 0) {
            view.markWords(dictionary, dictionary.size());
        }
        Set<UUID> matched = new HashSet<>();
        for (int i = 0; i < candidates.count; i++) {
            int candidate = candidates.queries[i];
            if (queries[candidate].test(view)) {
                matched.add(ids[candidate]);
            }
        }
        return matched;
    }

    private void addField(FieldName field, String value, Candidates candidates) {
        if (!value.isEmpty()) {
            candidates.add(byField.get(Anchors.fieldKey(field, value).value()));
        }
    }

    /** The queries a document must evaluate, each once. */
    private static final class Candidates {
        private final long[] seen;
        int[] queries = new int[16];
        int count;

        Candidates(int size) {
            seen = new long[(size + 63) >>> 6];
        }

        void add(int[] found) {
            if (found == null) {
                return;
            }
            if (count + found.length > queries.length) {
                queries = Arrays.copyOf(queries, Math.max(count + found.length, queries.length * 2));
            }
            for (int query : found) {
                long bit = 1L << query;
                int word = query >>> 6;
                if ((seen[word] & bit) == 0) {
                    seen[word] |= bit;
                    queries[count++] = query;
                }
            }
        }
    }

    /**
     * Whether one query matches one document, without compiling an engine (e.g. a watchlist's dry run); same result
     * as {@code compile(Map.of(id, query)).match(document).contains(id)}.
     */
    public static boolean matches(Query query, MatchDocument document) {
        return CompiledQuery.of(Objects.requireNonNull(query, "query"))
                .test(DocumentView.of(Objects.requireNonNull(document, "document")));
    }

    /**
     * The words and phrases of the document's text that make the query match, as they appear in the text
     * (original case and accents), in text order and without repeats; empty when the query does not match.
     * Field filters and NOT clauses highlight nothing.
     */
    public static List<String> highlights(Query query, MatchDocument document) {
        return Highlights.of(Objects.requireNonNull(query, "query"), Objects.requireNonNull(document, "document"));
    }
}
