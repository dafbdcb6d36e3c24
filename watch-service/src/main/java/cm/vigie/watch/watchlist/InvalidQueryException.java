package cm.vigie.watch.watchlist;

import java.util.List;

import cm.vigie.watch.matching.QueryError;

/** A watchlist query that does not parse: answered 400 with every error's position, in French or English. */
public class InvalidQueryException extends RuntimeException {

    private final transient List<QueryError> errors;

    public InvalidQueryException(List<QueryError> errors) {
        super("invalid query", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<QueryError> errors() {
        return errors;
    }
}
