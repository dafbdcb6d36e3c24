package cm.vigie.watch.watchlist;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValidateQueryResult", description = "A valid query, with warnings when it is likely to match too much")
public record ValidateResult(@Schema(examples = "true") boolean valid, List<QueryIssue> warnings) {
}
