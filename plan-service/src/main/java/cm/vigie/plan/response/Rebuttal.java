package cm.vigie.plan.response;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rebuttal", description = "The rebuttal message for one channel, in French and English")
public record Rebuttal(
        @NotNull @Schema(description = "Official account id (accounts-service)") UUID channelId,
        @NotBlank @Size(max = 5000) @Schema(examples = "Non, le vaccin HPV ne rend pas stérile. Les faits : ...") String fr,
        @NotBlank @Size(max = 5000) @Schema(examples = "No, the HPV vaccine does not cause infertility. The facts: ...") String en) {
}
