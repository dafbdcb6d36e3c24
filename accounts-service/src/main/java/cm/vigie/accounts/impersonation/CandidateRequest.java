package cm.vigie.accounts.impersonation;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.Platform;

@Schema(name = "ImpersonationCandidate", description = "An account seen on a platform; only platform and handle are required")
public record CandidateRequest(
        @NotNull @Schema(examples = "FACEBOOK") Platform platform,
        @NotBlank @Size(max = 200) @Schema(description = "As seen; a leading @ and case are ignored", examples = "MinSante.Officiel") String handle,
        @Size(max = 200) @Schema(examples = "Ministère de la Santé Publique ✅") String displayName,
        @Size(max = 2000) @Schema(examples = "Page officielle du Ministre de la Santé publique") String bio,
        @Pattern(regexp = "(0[xX])?[0-9a-fA-F]{1,16}", message = "{vigie.avatar-hash.pattern}")
        @Schema(description = "64-bit perceptual hash of the avatar, in hex", examples = "e1c3c3c7870f0f1f") String avatarHash,
        @Schema(description = "When the account was created", examples = "2026-11-20T00:00:00Z") Instant createdAt,
        @PositiveOrZero @Schema(examples = "37") Long followers,
        @Schema(description = "Whether the platform shows a verification badge", examples = "false") Boolean verified) {
}
