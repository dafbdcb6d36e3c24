package cm.vigie.accounts.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SignInPolicyRequest", description = "The whole sign-in policy of the institution; every value must lie within the platform's bounds")
public record SignInPolicyRequest(
        @NotNull @Valid TwoFactorRule twoFactor,
        @NotNull @Valid PasswordRules password,
        @NotNull @Valid SessionLifetimes sessions) {
}
