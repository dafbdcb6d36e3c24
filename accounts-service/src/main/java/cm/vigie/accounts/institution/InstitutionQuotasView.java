package cm.vigie.accounts.institution;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.commons.quota.Quotas;

@Schema(name = "InstitutionQuotas", description = "The quotas of one institution: those in force, those an operator set, and the platform defaults")
public record InstitutionQuotasView(
        @Schema(examples = "2f6c1a8e-5b7d-4c1e-9a3f-0e4d2b6c8a10") UUID institutionId,
        @Schema(examples = "minsante") String slug,
        @Schema(description = "The limits in force: each set value, else the default") Quotas limits,
        @Schema(description = "What operators set for this institution (null: default)") QuotaSettings overrides,
        @Schema(description = "The platform defaults (configuration vigie.quotas.defaults.*)") Quotas defaults) {
}
