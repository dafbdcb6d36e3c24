package cm.vigie.accounts.institution;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cm.vigie.commons.tenancy.InstitutionStatus;

@Schema(name = "Institution", description = "A tenant of Vigie")
public record InstitutionView(
        @Schema(examples = "2f6c1a8e-5b7d-4c1e-9a3f-0e4d2b6c8a10") UUID id,
        @Schema(examples = "minsante") String slug,
        @Schema(examples = "Ministère de la Santé publique") String nameFr,
        @Schema(examples = "Ministry of Public Health") String nameEn,
        @Schema(examples = "MINISTRY") InstitutionType type,
        @Schema(examples = "ACTIVE") InstitutionStatus status,
        @Schema(description = "Domain of the institution's e-mail addresses", examples = "minsante.cm") String emailDomain,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to an onboarding that created the realm") FirstAdminView firstAdmin) {

    static InstitutionView of(Institution institution) {
        return of(institution, null);
    }

    static InstitutionView of(Institution institution, FirstAdminView firstAdmin) {
        return new InstitutionView(institution.id, institution.slug, institution.nameFr, institution.nameEn,
                institution.type, institution.status, institution.emailDomain, institution.createdAt, institution.updatedAt,
                firstAdmin);
    }
}
