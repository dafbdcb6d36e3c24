package cm.vigie.watch.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourcePollResult", description = "What polling a source now did")
public record SourcePollResult(
        @Schema(examples = "true") boolean success,
        @Schema(description = "The feed answered 304 Not Modified", examples = "false") boolean notModified,
        @Schema(description = "New mentions stored", examples = "12") int accepted,
        @Schema(description = "Items already stored (metrics refreshed)", examples = "38") int duplicates,
        @Schema(description = "Items ingestion refused", examples = "0") int rejected,
        @Schema(description = "What went wrong, when it failed", examples = "HTTP 503 from the feed") String error,
        SourceView source) {
}
