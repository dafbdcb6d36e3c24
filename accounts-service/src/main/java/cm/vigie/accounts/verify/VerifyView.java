package cm.vigie.accounts.verify;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.Platform;

@Schema(name = "PublicVerification", description = "Whether an account is a registered official account whose ownership was proven, and which verified official accounts it resembles")
public record VerifyView(
        @Schema(description = "The account is a registered official account whose ownership was proven (challenge code or an operator's review); false while a registration waits for its proof", examples = "false") boolean official,
        @Schema(description = "The institution it belongs to, when official") InstitutionRef institution,
        @Schema(description = "When official: the institution reports it compromised (hijacked); do not trust what it posts", examples = "false") boolean compromised,
        @Schema(description = "The platform as understood", examples = "FACEBOOK") Platform platform,
        @Schema(description = "The handle as understood, after removing spaces, @, URL parts and tracking parameters", examples = "minsante.officiel") String handle,
        @Schema(description = "Verified official accounts of institutions this one resembles (by handle, and for an account registered but not proven, by display name too), most similar first; empty when official or when nothing is close") List<Resemblance> resembles) {

    @Schema(name = "PublicInstitution", description = "An institution's public identity")
    public record InstitutionRef(
            @Schema(examples = "minsante") String slug,
            @Schema(description = "In French or English by Accept-Language", examples = "Ministère de la Santé publique") String name) {
    }

    @Schema(name = "PublicResemblance", description = "An official account the checked one resembles")
    public record Resemblance(
            @Schema(examples = "FACEBOOK") Platform platform,
            @Schema(examples = "minsantecm") String handle,
            @Schema(description = "The resembled account's display name", examples = "Ministère de la Santé publique") String displayName,
            @Schema(description = "The institution the resembled account belongs to") InstitutionRef institution) {
    }
}
