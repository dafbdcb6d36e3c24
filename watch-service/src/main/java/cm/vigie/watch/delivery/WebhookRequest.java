package cm.vigie.watch.delivery;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.watch.alert.Severity;

@Schema(name = "WebhookRequest", description = "An endpoint that receives alert events as signed JSON")
public record WebhookRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "http(s) URL on a public address", examples = "https://hooks.minsante.cm/vigie") String url,
        @NotBlank @Size(min = 16, max = 200) @Schema(description = "Shared secret of the HMAC-SHA256 signature (16 to 200 characters); never shown again", examples = "2f8e4c1a9b7d6e5f0a1b2c3d") String secret,
        @Size(max = 4) @Schema(description = "Default: every type", examples = "[\"ALERT_CREATED\"]") List<@NotNull String> eventTypes,
        @Schema(description = "Default LOW", examples = "HIGH") Severity minSeverity,
        @Schema(description = "Default true; setting it true again re-enables a webhook that disabled itself", examples = "true") Boolean active,
        @Schema(description = "Default false. An exercise destination receives only the alerts of exercises; a real webhook (false) never receives them", examples = "false") Boolean exercise) {
}
