package cm.vigie.plan.communication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KeyMessage", description = "A key message in French and English")
public record KeyMessage(
        @NotBlank @Size(max = 2000) @Schema(examples = "Le vaccin est sûr et gratuit.") String fr,
        @NotBlank @Size(max = 2000) @Schema(examples = "The vaccine is safe and free.") String en) {
}
