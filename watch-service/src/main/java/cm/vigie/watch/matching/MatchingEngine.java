package cm.vigie.watch.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches documents against a fixed set of queries. Immutable and thread-safe: to take a watchlist change,
 * compile a new engine (cheap: linear in the size of the queries) and swap the reference.
 *
 * <p>Each query is indexed under "anchor" keys, words (or prefixes, or field values) that any matching document
 * must contain; a document only evaluates the queries anchored under its own words, plus the few queries that
 * have no anchor (e.g. a NOT-only query).
 */
public final class MatchingEngine {

    private MatchingEngine() {
    }

    /** Compiles the queries, keyed by their watchlist id. */
    public static MatchingEngine compile(Map<UUID, Query> queries) {
        throw new UnsupportedOperationException("next commit");
    }

    /** The ids of the queries that match the document. */
    public Set<UUID> match(MatchDocument document) {
        throw new UnsupportedOperationException("next commit");
    }

    /**
     * The words and phrases of the document's text that make the query match, as they appear in the text
     * (original case and accents), in text order and without repeats; empty when the query does not match.
     */
    public static List<String> highlights(Query query, MatchDocument document) {
        throw new UnsupportedOperationException("next commit");
    }
}
