package cm.vigie.watch.mention;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/watch/mentions/batch}: documentation only, the items are read one by one. */
@Schema(name = "MentionBatch", description = "Up to 1,000 mentions and 5 MB")
public record MentionBatch(@Schema(required = true, maxItems = 1000) List<MentionInput> mentions) {
}
