package cm.vigie.accounts.official.verification;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationChallenge", description = "A code to put in the page's bio (About, description) or in a post, then submit the evidence before it expires")
public record ChallengeView(
        @Schema(examples = "VIGIE-7KQ2M9XH4T") String code,
        @Schema(examples = "2026-11-30T08:00:00Z") Instant expiresAt) {

    static ChallengeView of(VerificationClaim claim) {
        return new ChallengeView(claim.code, claim.codeExpiresAt);
    }
}
