package cm.vigie.accounts.suspect;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.Platform;

@Schema(name = "SuspectRequest", description = "An account suspected of impersonating the institution or one of its officials")
public record SuspectRequest(
        @NotNull @Schema(examples = "FACEBOOK") Platform platform,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\s<>\"]+", message = "{vigie.handle.pattern}")
        @Schema(description = "Handle on the platform; case and a leading @ are ignored", examples = "MinSante.Officiel") String handle,
        @Size(max = 200) @Schema(examples = "Ministère de la Santé Publique (officiel)") String displayName,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{vigie.url.pattern}")
        @Schema(examples = "https://www.facebook.com/MinSante.Officiel") String profileUrl,
        @Schema(description = "The protected person it imitates", examples = "5f0b6f1e-8a2c-4c63-9d0e-2f4b7c1a9e30") UUID personId) {
}
