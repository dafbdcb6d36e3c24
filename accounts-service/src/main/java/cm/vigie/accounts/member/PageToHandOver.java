package cm.vigie.accounts.member;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PageToHandOver", description = "An official account the member holds keys of: give its access to someone else and rotate its credentials")
public record PageToHandOver(
        @Schema(description = "Official account id") UUID id,
        @Schema(examples = "FACEBOOK") String platform,
        @Schema(examples = "minsantecm") String handle,
        @Schema(examples = "Ministère de la Santé publique") String displayName) {
}
