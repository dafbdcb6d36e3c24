package cm.vigie.accounts.official.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.Platform;

@Schema(name = "VerificationQueueItem", description = "A claim of ownership of an official account, as platform operators review it")
public record QueueItem(
        @Schema(description = "Id of the claim (approve or reject it by this id)", examples = "5d0c7f3e-8a61-4c1b-9f57-2b4e6a9d1c02") UUID id,
        @Schema(examples = "QUEUED") ClaimState state,
        InstitutionRef institution,
        AccountRef account,
        @Schema(description = "The code the custodian was asked to put on the page; look for it at the evidence URL", examples = "VIGIE-7KQ2M9XH4T") String code,
        @Schema(examples = "2026-11-30T08:00:00Z") Instant codeExpiresAt,
        @Schema(description = "Where the custodian says the code is", examples = "https://www.facebook.com/minsante.officiel/posts/1234567890") String evidenceUrl,
        @Schema(examples = "2026-11-27T08:05:00Z") Instant submittedAt,
        @Schema(examples = "cm") String submittedBy,
        @Schema(description = "What a connector saw; NO_CONNECTOR when none reads this platform here", examples = "NO_CONNECTOR") CheckOutcome check,
        @Schema(description = "Other institutions' verified accounts and protected persons this account resembles; when not empty, only an operator may verify it") List<Resembled> resembles,
        @Schema(examples = "2026-11-27T09:00:00Z") Instant decidedAt,
        @Schema(examples = "operator") String decidedBy,
        @Schema(examples = "Code seen in the page's About section") String decisionReason) {

    @Schema(name = "VerificationQueueInstitution", description = "The institution that claims the account")
    public record InstitutionRef(
            @Schema(examples = "mincom") String slug,
            @Schema(examples = "Ministère de la Communication") String nameFr,
            @Schema(examples = "Ministry of Communication") String nameEn) {
    }

    @Schema(name = "VerificationQueueAccount", description = "The claimed official account")
    public record AccountRef(
            @Schema(examples = "7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") UUID id,
            @Schema(examples = "FACEBOOK") Platform platform,
            @Schema(examples = "minsante.officiel") String handle,
            @Schema(examples = "Ministère de la Santé publique") String displayName,
            @Schema(examples = "https://www.facebook.com/minsante.officiel") String url) {
    }
}
