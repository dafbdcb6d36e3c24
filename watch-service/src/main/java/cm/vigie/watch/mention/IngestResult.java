package cm.vigie.watch.mention;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.commons.problem.FieldError;

/** What became of a batch: stored, repeats of stored mentions (metrics updated), and rejected items. */
@Schema(name = "IngestResult", description = "What became of a batch of mentions")
public record IngestResult(
        @Schema(description = "New mentions stored", examples = "498") int accepted,
        @Schema(description = "Repeats of a stored (platform, externalId): their metrics were updated", examples = "1") int duplicates,
        @Schema(description = "Items refused, with their index in the batch and why") List<Rejection> rejected) {

    @Schema(name = "IngestRejection")
    public record Rejection(
            @Schema(description = "Zero-based index in the batch", examples = "7") int index,
            List<FieldError> errors) {
    }
}
