package cm.vigie.watch.watchlist;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.commons.problem.ProblemCode;

/** The problem+json of an invalid query: an RFC 9457 validation problem whose errors carry their position. */
@Schema(name = "QueryProblem", description = "RFC 9457 problem for an invalid query; errors[] carry position and message")
public record QueryProblem(
        @Schema(examples = "https://vigie.cm/problems/validation") String type,
        @Schema(description = "Always VALIDATION here", examples = "VALIDATION") ProblemCode code,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "The query cannot be parsed.") String detail,
        @Schema(examples = "/api/watch/watchlists/validate") String instance,
        List<QueryIssue> errors) {
}
