package cm.vigie.plan.riskdate;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

@Schema(name = "RiskDateRequest", description = "A date around which disinformation is expected")
public record RiskDateRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Résultats du baccalauréat") String name,
        @NotNull @Schema(examples = "EXAM_RESULTS") RiskKind kind,
        @NotNull @Schema(examples = "2027-07-15") LocalDate startsOn,
        @Schema(description = "Last day; the start when absent", examples = "2027-07-16") LocalDate endsOn,
        @Schema(description = "Every year on the same days", examples = "false") Boolean yearly,
        @Size(max = 2000) @Schema(examples = "Faux résultats diffusés chaque année sur WhatsApp") String notes) {

    @AssertTrue(message = "{plan.risk-date.order}")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isOrdered() {
        return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn) && !endsOn.isAfter(startsOn.plusDays(60));
    }
}
