package cm.vigie.accounts.institution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FirstAdmin", description = """
        The first institution-admin created with the realm. The temporary password is shown once, in this answer only: \
        hand it over through a separate channel; Keycloak makes its holder choose a new password at first login.""")
public record FirstAdminView(
        @Schema(examples = "a.mballa") String username,
        @Schema(examples = "a.mballa@minsante.cm") String email,
        @Schema(description = "One-time password, to be changed at first login", examples = "Vq7-kT2m-Lp9x-Rw4c") String temporaryPassword) {
}
