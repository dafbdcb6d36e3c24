package cm.vigie.accounts.suspect;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Evidence", description = "One capture of a suspect account")
public record EvidenceView(
        @Schema(examples = "0d1b6c7e-2a4f-4e55-8b3a-1c9d0e7f6a21") UUID id,
        @Schema(examples = "https://www.facebook.com/MinSante.Officiel/posts/1029384756") String url,
        @Schema(examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(examples = "Post asking citizens to pay 5,000 FCFA for a vaccination card") String note,
        @Schema(examples = "2026-11-27T09:30:00Z") Instant capturedAt,
        @Schema(description = "Who added it", examples = "cm") String capturedBy,
        @Schema(examples = "2026-11-27T09:35:00Z") Instant addedAt) {

    static EvidenceView of(EvidenceItem item) {
        return new EvidenceView(item.id, item.url, item.sha256, item.note, item.capturedAt, item.capturedBy, item.addedAt);
    }
}
