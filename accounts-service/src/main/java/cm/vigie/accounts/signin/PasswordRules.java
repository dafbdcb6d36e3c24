package cm.vigie.accounts.signin;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordRules", description = "What a member's password must be; applied as the realm's Keycloak password policy")
public record PasswordRules(
        @NotNull @Schema(description = "Minimum number of characters", examples = "12") Integer minLength,
        @NotNull @Schema(description = "Minimum number of upper-case letters (0: no rule)", examples = "1") Integer upperCase,
        @NotNull @Schema(description = "Minimum number of lower-case letters (0: no rule)", examples = "1") Integer lowerCase,
        @NotNull @Schema(description = "Minimum number of digits (0: no rule)", examples = "1") Integer digits,
        @NotNull @Schema(description = "Minimum number of special characters (0: no rule)", examples = "0") Integer specialChars,
        @NotNull @Schema(description = "The password may not be the user name", examples = "true") Boolean notUsername,
        @NotNull @Schema(description = "The password may not be the e-mail address", examples = "true") Boolean notEmail,
        @NotNull @Schema(description = "How many previous passwords may not be reused (0: no rule)", examples = "3") Integer history,
        @NotNull @Schema(description = "Days after which a password must be changed (0: never)", examples = "0") Integer expireDays) {
}
