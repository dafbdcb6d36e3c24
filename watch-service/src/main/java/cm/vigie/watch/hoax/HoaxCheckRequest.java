package cm.vigie.watch.hoax;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HoaxCheckRequest", description = "A text to compare with the known hoaxes")
public record HoaxCheckRequest(
        @NotBlank @Size(max = 10000) @Schema(examples = "🚨 le vaccin covid contient une puce 5G pour surveiller la population #StopVaccin") String text) {
}
