package cm.vigie.watch.mention;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BulkTriageResult", description = "How many mentions were triaged, and the ids that are not mentions of your institution")
public record BulkTriageResult(@Schema(examples = "12") int updated, List<UUID> notFound) {
}
