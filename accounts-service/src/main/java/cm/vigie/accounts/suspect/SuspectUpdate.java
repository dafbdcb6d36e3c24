package cm.vigie.accounts.suspect;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SuspectUpdate", description = "The editable fields of a case; its status changes only through transitions")
public record SuspectUpdate(
        @Size(max = 200) @Schema(examples = "Ministère de la Santé Publique (officiel)") String displayName,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{vigie.url.pattern}")
        @Schema(examples = "https://www.facebook.com/MinSante.Officiel") String profileUrl,
        @Schema(description = "The protected person it imitates", examples = "5f0b6f1e-8a2c-4c63-9d0e-2f4b7c1a9e30") UUID personId,
        @Size(max = 200) @Schema(description = "The platform's reference for the report", examples = "FB-IMP-2026-118734") String reportReference,
        @Min(1) @Max(365) @Schema(description = "Days the platform has to act once reported", examples = "7") Integer slaDays,
        @Size(max = 1000) @Schema(examples = "Page removed by Meta on 2026-11-30") String outcome) {
}
