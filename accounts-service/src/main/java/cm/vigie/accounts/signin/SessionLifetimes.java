package cm.vigie.accounts.signin;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionLifetimes", description = "How long a member stays signed in; applied as the realm's SSO session idle timeout and maximum lifespan")
public record SessionLifetimes(
        @NotNull @Schema(description = "Minutes without activity after which the member must sign in again", examples = "30") Integer idleMinutes,
        @NotNull @Schema(description = "Hours after which the member must sign in again whatever the activity", examples = "10") Integer maxHours) {
}
