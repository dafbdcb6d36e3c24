package cm.vigie.accounts.signin;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SignInPolicy", description = "The institution's sign-in policy as in force: password rules and session lifetimes read back from its Keycloak realm")
public record SignInPolicyView(
        @Schema(description = "Who must sign in with a second factor") TwoFactorView twoFactor,
        @Schema(description = "Password rules, read from the realm's password policy") PasswordRules password,
        @Schema(description = "The realm's password policy string, as Keycloak holds it", examples = "length(12) and upperCase(1) and lowerCase(1) and digits(1) and notUsername(undefined) and notEmail(undefined) and passwordHistory(3)") String keycloakPasswordPolicy,
        @Schema(description = "Session lifetimes, read from the realm") SessionLifetimes sessions,
        @Schema(description = "What the platform lets an institution choose") Bounds bounds,
        @Schema(description = "Last change through Vigie; null if never changed", examples = "2026-12-07T10:00:00Z") Instant updatedAt,
        @Schema(description = "Who made it", examples = "admin") String updatedBy) {

    @Schema(name = "TwoFactorInForce")
    public record TwoFactorView(
            @Schema(examples = "ROLES") TwoFactorScope required,
            @Schema(examples = "[\"community-manager\"]") List<String> roles,
            @Schema(description = "Second factors members can enrol", examples = "[\"TOTP\"]") List<String> methods,
            @Schema(description = "Members required to enrol who have not yet; they must at their next sign-in", examples = "2") int membersPendingEnrolment) {
    }

    @Schema(name = "SignInPolicyBounds")
    public record Bounds(
            @Schema(examples = "8") int passwordMinLengthFloor,
            @Schema(examples = "64") int passwordMinLengthCeiling,
            @Schema(examples = "8") int characterClassCeiling,
            @Schema(examples = "24") int passwordHistoryCeiling,
            @Schema(examples = "30") int passwordExpireDaysFloor,
            @Schema(examples = "365") int passwordExpireDaysCeiling,
            @Schema(examples = "5") int sessionIdleMinutesFloor,
            @Schema(examples = "720") int sessionIdleMinutesCeiling,
            @Schema(examples = "1") int sessionMaxHoursFloor,
            @Schema(examples = "168") int sessionMaxHoursCeiling) {

        static Bounds of(SignInBounds b) {
            return new Bounds(b.passwordMinLengthFloor(), b.passwordMinLengthCeiling(), b.characterClassCeiling(),
                    b.passwordHistoryCeiling(), b.passwordExpireDaysFloor(), b.passwordExpireDaysCeiling(),
                    b.sessionIdleMinutesFloor(), b.sessionIdleMinutesCeiling(), b.sessionMaxHoursFloor(),
                    b.sessionMaxHoursCeiling());
        }
    }
}
