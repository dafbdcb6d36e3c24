package cm.vigie.accounts.official.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SecurityFinding", description = "One weakness of an official account's protection")
public record Finding(
        @Schema(examples = "NO_2FA") FindingCode code,
        @Schema(examples = "CRITICAL") Severity severity,
        @Schema(description = "Points taken off the score", examples = "30") int penalty,
        @Schema(description = "What is wrong and what to do, in French and English") Message message) {

    @Schema(name = "LocalizedMessage", description = "A message in French and English")
    public record Message(
            @Schema(examples = "La double authentification n’est pas activée : activez-la pour chaque administrateur de la page.") String fr,
            @Schema(examples = "Two-factor authentication is off: turn it on for every admin of the page.") String en) {
    }
}
