package cm.vigie.plan.publication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PublishRequest", description = "The URL of the published post, and an optional comment")
public record PublishRequest(
        @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "{plan.url.pattern}") @Schema(examples = "https://www.facebook.com/MinSanteCM/posts/123") String url,
        @Size(max = 1000) @Schema(examples = "Publié à l'heure") String comment) {
}
