package cm.vigie.watch.mention;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/watch/mentions/batch}: documentation only, the items are read one by one. */
@Schema(name = "MentionBatch", description = "Up to 1,000 mentions and 5 MB")
public record MentionBatch(@Schema(required = true, maxItems = 1000) List<MentionInput> mentions,
        @Schema(description = "Marks every mention of the batch (and the alerts they raise) as data of this exercise; "
                + "absent for real data", examples = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b") UUID exerciseId) {
}
