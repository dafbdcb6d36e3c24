package cm.vigie.watch.hoax;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HoaxRequest", description = "A known hoax of the caller's institution")
public record HoaxRequest(
        @NotEmpty @Size(max = 20)
        @Schema(description = "The claim as it circulates, one entry per wording (French and English variants); each needs at least three content words", examples = "[\"Le vaccin contre la COVID-19 contient une puce 5G.\", \"COVID-19 vaccines contain a 5G microchip.\"]")
        List<@NotBlank @Size(max = 2000) String> claims,
        @NotNull @Schema(examples = "FALSE") Verdict verdict,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{vigie.hoax.url.pattern}")
        @Schema(description = "Where the debunk is published", examples = "https://www.minsante.cm/verifications/puce-5g") String debunkUrl,
        @PastOrPresent @Schema(description = "When it was first seen; now when absent", examples = "2026-11-20T08:00:00Z") Instant firstSeen,
        @Size(max = 4000) @Schema(description = "Private notes, never shared", examples = "Relayé par des pages de Douala") String notes,
        @Schema(description = "Publish it read-only to every institution; never allowed for an exercise hoax (422)", examples = "true", defaultValue = "false") Boolean shared,
        @Schema(description = "The exercise this hoax belongs to (training data); set at creation only, ignored on update", examples = "5d1c3a8e-2f4b-4c7a-9e1d-3b6f8a2c4e10", nullable = true) java.util.UUID exerciseId) {
}
