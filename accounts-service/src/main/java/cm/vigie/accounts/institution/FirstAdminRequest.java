package cm.vigie.accounts.institution;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FirstAdminRequest", description = "The institution's first institution-admin, created in its new realm; must set a password at first login")
public record FirstAdminRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,99}", message = "{vigie.user-name.pattern}")
        @Schema(description = "Login name, lowercase", examples = "a.mballa") String username,
        @NotBlank @Email @Size(max = 254) @Schema(examples = "a.mballa@minsante.cm") String email,
        @NotBlank @Size(max = 100) @Schema(examples = "Aline") String firstName,
        @NotBlank @Size(max = 100) @Schema(examples = "Mballa") String lastName) {
}
