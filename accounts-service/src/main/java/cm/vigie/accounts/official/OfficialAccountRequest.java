package cm.vigie.accounts.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OfficialAccountRequest", description = "An official account of the caller's institution")
public record OfficialAccountRequest(
        @NotNull @Schema(examples = "FACEBOOK") Platform platform,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\s<>\"]+", message = "{vigie.handle.pattern}")
        @Schema(description = "Handle on the platform; case and a leading @ are ignored", examples = "MinSanteCM") String handle,
        @NotBlank @Size(max = 200) @Schema(examples = "Ministère de la Santé publique") String displayName,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{vigie.url.pattern}")
        @Schema(examples = "https://www.facebook.com/MinSanteCM") String url) {
}
