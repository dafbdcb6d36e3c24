package cm.vigie.watch.watchlist;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A parse error or a warning about a query, with where it is and what is wrong in the caller's language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "QueryIssue", description = "A parse error (with its position) or a warning about a watchlist query")
public record QueryIssue(
        @Schema(description = "The request field", examples = "query") String field,
        @Schema(description = "Zero-based character offset in the query (errors only)", examples = "14") Integer position,
        @Schema(description = "Stable code", examples = "UNBALANCED_PARENTHESIS") String code,
        @Schema(description = "What is wrong, in the language asked for", examples = "Missing closing parenthesis") String message) {
}
