package cm.vigie.watch.matching;

/**
 * Parses the watchlist query language described in {@code docs/query-language.md}.
 */
public final class QueryParser {

    private QueryParser() {
    }

    /**
     * Parses {@code query}. Never throws: any input, {@code null} included, gives either a query (with warnings
     * when it looks too broad) or errors carrying their position and a message in English and French.
     */
    public static ParseResult parse(String query) {
        throw new UnsupportedOperationException("next commit");
    }
}
