package cm.vigie.accounts.signin;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TwoFactorRule", description = "Who must sign in with a second factor (TOTP, an authenticator app)")
public record TwoFactorRule(
        @NotNull @Schema(examples = "ROLES") TwoFactorScope required,
        @Size(max = 5) @Schema(description = "With ROLES: the institution roles whose members need it", examples = "[\"community-manager\",\"institution-admin\"]") List<@NotNull String> roles) {
}
