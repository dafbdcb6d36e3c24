package cm.vigie.accounts.suspect;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvidenceRequest", description = "A capture of the suspect account; the file itself stays in your evidence store")
public record EvidenceRequest(
        @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{vigie.url.pattern}")
        @Schema(description = "What was captured", examples = "https://www.facebook.com/MinSante.Officiel/posts/1029384756") String url,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "{vigie.sha256.pattern}")
        @Schema(description = "SHA-256 of the capture file, 64 hex digits", examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Size(max = 2000) @Schema(examples = "Post asking citizens to pay 5,000 FCFA for a vaccination card") String note,
        @NotNull @Schema(description = "When the capture was made; not in the future", examples = "2026-11-27T09:30:00Z") Instant capturedAt) {
}
