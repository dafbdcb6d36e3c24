package cm.vigie.watch.watchlist;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DryRunResult", description = "What the query matches: one result per sample text in order, or the matching stored mentions")
public record DryRunResult(
        List<Item> results,
        @Schema(description = "Stored mentions examined (days mode only)", examples = "1200") Integer scanned) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DryRunItem")
    public record Item(
            @Schema(description = "Index of the sample text, or of the mention among those examined", examples = "0") int index,
            @Schema(examples = "true") boolean matched,
            @Schema(description = "Words and phrases of the text that make it match", examples = "[\"vaccin\", \"dangereux\"]") List<String> highlights,
            @Schema(description = "The stored mention (days mode only)") UUID mentionId) {
    }
}
