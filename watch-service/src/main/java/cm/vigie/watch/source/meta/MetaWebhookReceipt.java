package cm.vigie.watch.source.meta;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MetaWebhookReceipt", description = "What became of a verified Page webhook delivery")
public record MetaWebhookReceipt(
        @Schema(description = "Changes in the delivery", examples = "3") int changes,
        @Schema(description = "New mentions stored", examples = "2") int accepted,
        @Schema(description = "Posts or comments already stored (edits refresh them)", examples = "0") int duplicates,
        @Schema(description = "Changes that are not posts or comments with text (reactions, removals, another page) or that ingestion refused", examples = "1") int ignored) {
}
