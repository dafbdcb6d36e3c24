package cm.vigie.watch.matching;

import java.util.List;

/**
 * Outcome of {@link QueryParser#parse(String)}.
 *
 * @param query    the parsed tree, or {@code null} when {@code errors} is not empty
 * @param errors   why the text is not a valid query (empty when valid); each carries its position
 * @param warnings remarks on a valid query that is likely to match too much (never block saving)
 */
public record ParseResult(Query query, List<QueryError> errors, List<QueryWarning> warnings) {

    public ParseResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() == (query == null)) {
            throw new IllegalArgumentException("a parse result has either a query or errors");
        }
    }

    /** {@code true} when the text parsed, i.e. {@link #query()} is not null and there are no errors. */
    public boolean valid() {
        return errors.isEmpty();
    }

    static ParseResult failure(QueryError error) {
        return new ParseResult(null, List.of(error), List.of());
    }
}
