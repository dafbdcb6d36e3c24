package cm.vigie.accounts.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OfficialAccountRequest", description = "An official account of the caller's institution")
public record OfficialAccountRequest(
        @NotNull @Schema(examples = "FACEBOOK") Platform platform,
        @NotBlank @Size(max = 500) @Pattern(regexp = "[^<>\"]+", message = "{vigie.handle.characters}")
        @Schema(description = """
                Handle on the platform, or the URL of the profile: case (except in YouTube and WhatsApp channel ids), \
                spaces, a leading @, tracking parameters are ignored; for WEBSITE, the host name""",
                examples = "https://www.facebook.com/MinSanteCM?ref=share") String handle,
        @NotBlank @Size(max = 200) @Schema(examples = "Ministère de la Santé publique") String displayName,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{vigie.url.pattern}")
        @Schema(examples = "https://www.facebook.com/MinSanteCM") String url) {
}
