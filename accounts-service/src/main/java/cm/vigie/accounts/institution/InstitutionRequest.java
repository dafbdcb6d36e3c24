package cm.vigie.accounts.institution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InstitutionRequest", description = "An institution to register; its slug is its Keycloak realm name")
public record InstitutionRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "{vigie.slug.pattern}")
        @Schema(description = "Realm name: lowercase letters, digits and dashes, 2 to 63 characters", examples = "minsante") String slug,
        @NotBlank @Size(max = 200) @Schema(description = "Name in French", examples = "Ministère de la Santé publique") String nameFr,
        @NotBlank @Size(max = 200) @Schema(description = "Name in English", examples = "Ministry of Public Health") String nameEn,
        @NotNull @Schema(description = "Kind of institution", examples = "MINISTRY") InstitutionType type,
        @Size(max = 253) @Pattern(regexp = DOMAIN, message = "{vigie.email.domain}")
        @Schema(description = "Domain of the institution's e-mail addresses; a recovery address elsewhere is personal", examples = "minsante.cm") String emailDomain) {

    /** A lowercase DNS name with at least two labels. */
    public static final String DOMAIN = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";
}
