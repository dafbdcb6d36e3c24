package cm.vigie.accounts.institution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InstitutionUpdate", description = "New names and type of an institution; the slug never changes")
public record InstitutionUpdate(
        @NotBlank @Size(max = 200) @Schema(examples = "Ministère de la Santé publique") String nameFr,
        @NotBlank @Size(max = 200) @Schema(examples = "Ministry of Public Health") String nameEn,
        @NotNull @Schema(examples = "MINISTRY") InstitutionType type,
        @Size(max = 253) @Pattern(regexp = InstitutionRequest.DOMAIN, message = "{vigie.email.domain}")
        @Schema(description = "Domain of the institution's e-mail addresses; a recovery address elsewhere is personal", examples = "minsante.cm") String emailDomain) {
}
