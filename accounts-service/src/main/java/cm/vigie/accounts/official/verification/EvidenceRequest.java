package cm.vigie.accounts.official.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationEvidence", description = "Where the code can be seen: the page itself (bio) or a post")
public record EvidenceRequest(
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "{vigie.url.pattern}")
        @Schema(examples = "https://www.facebook.com/minsante.officiel") String evidenceUrl) {
}
