package cm.vigie.watch.watchlist;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DryRunRequest", description = "Sample texts to try the query on, or a number of days of stored mentions (one of the two)")
public record DryRunRequest(
        @Size(max = 100) @Schema(examples = "[\"Le vaccin est dangereux\", \"Campagne de vaccination à Douala\"]") List<@NotNull @Size(max = 20000) String> texts,
        @Min(1) @Max(30) @Schema(description = "Try the query on the mentions of the last N days (at most the 5,000 newest)", examples = "7") Integer days) {
}
