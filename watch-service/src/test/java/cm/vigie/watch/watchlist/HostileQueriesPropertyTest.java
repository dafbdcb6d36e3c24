package cm.vigie.watch.watchlist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cm.vigie.watch.matching.ParseResult;
import cm.vigie.watch.matching.QueryError;
import cm.vigie.watch.matching.QueryParser;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * 100,000 generated queries down the parser path of {@code POST /api/watch/watchlists/validate}: the request's
 * size check, then {@link WatchlistService#validate}'s parse and the issues the resource or
 * {@link QueryProblemMapper} build. Every query gives 200 (valid, maybe with warnings) or 400 (positioned errors in
 * both languages); nothing throws. {@link HostileQueriesHttpTest} sends a sample through the real resource.
 */
class HostileQueriesPropertyTest {

    /** {@code ValidateRequest.query}'s {@code @Size(max = 4000)}. */
    static final int REQUEST_LIMIT = 4_000;
    /** The real service; its validate path touches neither the repository, the audit log nor the events. */
    private static final WatchlistService SERVICE = new WatchlistService(null, null, null, null, null);

    @Property(tries = 100_000, shrinking = ShrinkingMode.BOUNDED, edgeCases = net.jqwik.api.EdgeCasesMode.MIXIN)
    void everyQueryIsAnsweredWith200Or400(@ForAll("queries") String query) {
        Statistics.label("status").collect(outcome(query));
    }

    /**
     * The status the resource answers, computed along the code path it takes: 200 when the service returns,
     * 400 when it throws {@link InvalidQueryException} with well-formed errors; any other exception (which the
     * resource would answer with 500) fails the property.
     */
    static int outcome(String query) {
        if (query.length() > REQUEST_LIMIT) {
            return 400;
        }
        try {
            ParseResult result = SERVICE.validate(query);
            assertNotNull(result.query());
            result.warnings().forEach(w -> assertFalse(w.code().isBlank() || w.messageEn().isBlank() || w.messageFr().isBlank()));
            return 200;
        } catch (InvalidQueryException e) {
            assertFalse(e.errors().isEmpty());
            for (QueryError error : e.errors()) {
                assertTrue(error.position() >= 0 && error.position() <= query.length(), error::toString);
                assertFalse(error.code().isBlank() || error.messageEn().isBlank() || error.messageFr().isBlank(),
                        error::toString);
                new QueryIssue("query", error.position(), error.code(), error.messageFr());
            }
            return 400;
        }
    }

    @Provide
    Arbitrary<String> queries() {
        return HostileQueries.all();
    }
}
