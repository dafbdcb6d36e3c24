package cm.vigie.accounts.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.Platform;

@Schema(name = "PersonHandle", description = "An account the person really runs")
public record PersonHandle(
        @NotNull @Schema(examples = "X") Platform platform,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\s<>\"]+", message = "{vigie.handle.pattern}")
        @Schema(description = "Handle on the platform; case and a leading @ are ignored", examples = "@MalachieManaouda") String handle) {
}
