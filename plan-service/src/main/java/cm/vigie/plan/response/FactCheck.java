package cm.vigie.plan.response;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FactCheck", description = "A fact-check the answer relies on")
public record FactCheck(
        @NotBlank @Size(max = 300) @Schema(examples = "Le vaccin HPV et la fertilité : ce que disent les études") String title,
        @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{plan.url.pattern}") @Schema(examples = "https://factcheck.example.cm/hpv-fertilite") String url) {
}
