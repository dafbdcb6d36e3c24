package cm.vigie.accounts.official.verification;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another institution's verified account or protected person that a claim resembles. */
@Schema(name = "ResembledReference", description = "Another institution's verified official account or protected person that the claimed account resembles")
public record Resembled(
        @Schema(description = "OFFICIAL_ACCOUNT or PROTECTED_PERSON", examples = "OFFICIAL_ACCOUNT") String kind,
        @Schema(examples = "7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") UUID id,
        @Schema(description = "Slug of the institution it belongs to", examples = "minsante") String institution,
        @Schema(description = "For an account", examples = "FACEBOOK") String platform,
        @Schema(description = "For an account", examples = "minsantecm") String handle,
        @Schema(description = "Display name of the account, or the person's full name", examples = "Ministère de la Santé publique") String displayName,
        @Schema(description = "Impersonation score or handle similarity, 0..1", examples = "0.82") double score) {

    public static final String OFFICIAL_ACCOUNT = "OFFICIAL_ACCOUNT";

    public boolean ofAccount() {
        return OFFICIAL_ACCOUNT.equals(kind);
    }
}
