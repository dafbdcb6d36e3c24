package cm.vigie.accounts.member;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberInvitation", description = "Who to invite; the e-mail address becomes the sign-in name")
public record InvitationRequest(
        @NotBlank @Email @Size(max = 254) @Schema(examples = "j.ngono@minsante.cm") String email,
        @NotBlank @Size(max = 100) @Schema(examples = "Jeanne") String firstName,
        @NotBlank @Size(max = 100) @Schema(examples = "Ngono") String lastName,
        @NotEmpty @Size(max = 5) @Schema(description = "institution-admin, community-manager, analyst, approver, viewer", examples = "[\"approver\"]") List<@NotBlank String> roles,
        @Pattern(regexp = "fr|en") @Schema(description = "Language of Keycloak's pages for the member: fr or en", examples = "fr") String locale) {
}
