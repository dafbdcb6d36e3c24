package cm.vigie.watch.hoax;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the national registry shows of a shared hoax: what its owner published, never its private notes. */
@Schema(name = "SharedHoax", description = "A hoax published to every institution by its owner")
public record SharedHoaxView(
        @Schema(examples = "0b6f2f6e-6d0c-4d5e-9f51-6a4b8f2d9c10") UUID id,
        @Schema(description = "The institution that published it", examples = "minsante") String publishedBy,
        @Schema(examples = "[\"Le vaccin contre la COVID-19 contient une puce 5G.\"]") List<String> claims,
        @Schema(examples = "FALSE") Verdict verdict,
        @Schema(examples = "https://www.minsante.cm/verifications/puce-5g") String debunkUrl,
        @Schema(examples = "2026-11-20T08:00:00Z") Instant firstSeen,
        @Schema(description = "Only platform operators see withdrawn hoaxes; set when withdrawn") HoaxView.Withdrawal withdrawal,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt) {
}
