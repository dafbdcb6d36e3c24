package cm.vigie.accounts.institution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InstitutionRequest", description = """
        An institution to onboard. Vigie creates its Keycloak realm (named by the slug) from the realm template, with \
        its first institution-admin; with adoptExistingRealm, it registers an institution whose realm already exists \
        (the demo realms) and creates nothing in Keycloak.""")
public record InstitutionRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "{vigie.slug.pattern}")
        @Schema(description = "Realm name: lowercase letters, digits and dashes, 2 to 63 characters", examples = "minsante") String slug,
        @NotBlank @Size(max = 200) @Schema(description = "Name in French", examples = "Ministère de la Santé publique") String nameFr,
        @NotBlank @Size(max = 200) @Schema(description = "Name in English", examples = "Ministry of Public Health") String nameEn,
        @NotNull @Schema(description = "Kind of institution", examples = "MINISTRY") InstitutionType type,
        @Size(max = 253) @Pattern(regexp = DOMAIN, message = "{vigie.email.domain}")
        @Schema(description = "Domain of the institution's e-mail addresses; a recovery address elsewhere is personal", examples = "minsante.cm") String emailDomain,
        @Valid @Schema(description = "Required unless adoptExistingRealm") FirstAdminRequest firstAdmin,
        @Schema(description = "Register an existing realm instead of creating one", defaultValue = "false", examples = "false") Boolean adoptExistingRealm) {

    /** A lowercase DNS name with at least two labels. */
    public static final String DOMAIN = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";

    boolean adopts() {
        return Boolean.TRUE.equals(adoptExistingRealm);
    }
}
