package cm.vigie.accounts.official;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OfficialAccount", description = "An official account of the caller's institution")
public record OfficialAccountView(
        @Schema(examples = "7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") UUID id,
        @Schema(examples = "FACEBOOK") Platform platform,
        @Schema(description = "Normalised handle", examples = "minsantecm") String handle,
        @Schema(examples = "Ministère de la Santé publique") String displayName,
        @Schema(examples = "https://www.facebook.com/MinSanteCM") String url,
        @Schema(examples = "ACTIVE") AccountStatus status,
        @Schema(description = "Why the status last changed", examples = "Control regained with the platform's help") String statusReason,
        @Schema(description = "Ownership proof: only VERIFIED accounts are vouched for by the public check; any change of platform, handle or display name asks for a new proof", examples = "VERIFIED") Verification verification,
        @Schema(description = "When ownership was last proven; absent until verified", examples = "2026-11-27T08:30:00Z") Instant verifiedAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt) {

    static OfficialAccountView of(OfficialAccount account) {
        return new OfficialAccountView(account.id, account.platform, account.handle, account.displayName, account.url,
                account.status, account.statusReason, account.verification, account.verifiedAt, account.createdAt, account.updatedAt);
    }
}
