package cm.vigie.watch.hoax;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HoaxCheckResponse", description = "The known hoaxes the text restates, most similar first")
public record HoaxCheckResponse(List<Match> matches) {

    @Schema(name = "HoaxCheckMatch", description = "A known hoax the text restates")
    public record Match(
            @Schema(examples = "0b6f2f6e-6d0c-4d5e-9f51-6a4b8f2d9c10") UUID hoaxId,
            @Schema(description = "Near-duplicate similarity in [0, 1]", examples = "0.82") double similarity,
            @Schema(examples = "FALSE") Verdict verdict,
            @Schema(examples = "https://www.minsante.cm/verifications/puce-5g") String debunkUrl,
            @Schema(description = "One of the caller's own hoaxes, rather than one shared by another institution", examples = "true") boolean own) {
    }
}
