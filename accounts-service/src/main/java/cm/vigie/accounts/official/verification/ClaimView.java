package cm.vigie.accounts.official.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationClaim", description = "Where the proof of ownership of one of your official accounts stands")
public record ClaimView(
        @Schema(examples = "5d0c7f3e-8a61-4c1b-9f57-2b4e6a9d1c02") UUID id,
        @Schema(examples = "7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") UUID accountId,
        @Schema(description = "CHALLENGED: code issued; QUEUED: a platform operator decides; VERIFIED; REJECTED", examples = "QUEUED") ClaimState state,
        @Schema(examples = "VIGIE-7KQ2M9XH4T") String code,
        @Schema(examples = "2026-11-30T08:00:00Z") Instant expiresAt,
        @Schema(examples = "https://www.facebook.com/minsante.officiel") String evidenceUrl,
        @Schema(description = "What a connector saw on the profile", examples = "NO_CONNECTOR") CheckOutcome check,
        @Schema(description = "The account resembles another institution's verified account or protected person: only an operator may verify it", examples = "true") boolean operatorReviewRequired,
        @Schema(description = "Other institutions' verified official accounts it resembles (protected persons are not named here)") List<Resembled> resembles,
        @Schema(examples = "2026-11-27T08:05:00Z") Instant submittedAt,
        @Schema(examples = "2026-11-27T09:00:00Z") Instant decidedAt,
        @Schema(description = "An operator's name, or connector", examples = "operator") String decidedBy,
        @Schema(examples = "Code seen in the page's About section") String decisionReason) {

    static ClaimView of(VerificationClaim claim) {
        return new ClaimView(claim.id, claim.accountId, claim.state, claim.code, claim.codeExpiresAt, claim.evidenceUrl,
                claim.checkOutcome, !claim.resembles.isEmpty(),
                claim.resembles.stream().filter(Resembled::ofAccount).toList(), claim.submittedAt, claim.decidedAt,
                claim.decidedBy, claim.decisionReason);
    }
}
