package cm.vigie.plan.response;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import cm.vigie.plan.countermeasure.Decision;
import cm.vigie.plan.countermeasure.ThreatAssessment;

@Schema(name = "ResponsePlanRequest", description = "A response plan: alertId or hoaxId (fixed at creation) and title at least")
public record ResponsePlanRequest(
        @Schema(description = "The watch-service alert answered", examples = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") UUID alertId,
        @Schema(description = "The watch-service known hoax answered") UUID hoaxId,
        @NotBlank @Size(max = 200) @Schema(examples = "Rumeur : le vaccin HPV rendrait stérile") String title,
        @Size(max = 10000) @Schema(examples = "Des messages WhatsApp affirment que le vaccin HPV rend stérile.") String situationSummary,
        @Valid @Schema(description = "Reach, velocity, harm; the harm sets the deadline") ThreatAssessment threat,
        @Schema(examples = "RESPOND") Decision decision,
        @Size(max = 5000) @Schema(description = "Why this decision; required with a decision", examples = "Diffusion rapide avant la campagne") String rationale,
        @Size(max = 20) @Schema(description = "DISARM countermeasure ids from the catalogue", examples = "[\"C00119\",\"C00200\"]")
        List<@NotNull @Pattern(regexp = "C\\d{5}", message = "{plan.countermeasure.pattern}") String> countermeasures,
        @Valid Statement holdingStatement,
        @Size(max = 20) List<@NotNull @Valid Rebuttal> rebuttals,
        @Size(max = 20) List<@NotNull @Valid FactCheck> factChecks,
        @Schema(description = "The crisis exercise this plan is drafted in; copied from the alert when the alert comes from an exercise",
                examples = "3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d") UUID exerciseId) {

    @AssertTrue(message = "{plan.response.rationale}")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isRationaleGiven() {
        return decision == null || rationale != null && !rationale.isBlank();
    }

    ResponsePlanContent content() {
        return new ResponsePlanContent(title.strip(), situationSummary, threat, decision,
                rationale == null ? null : rationale.strip(), countermeasures == null ? List.of() : countermeasures.stream().distinct().toList(),
                holdingStatement, rebuttals == null ? List.of() : rebuttals, factChecks == null ? List.of() : factChecks);
    }
}
