package cm.vigie.plan.communication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The editable part of a communication plan: what is sent to create or edit it, and what each revision keeps. */
@Schema(name = "CommunicationPlanRequest", description = "A communication plan; only title, periodStart and periodEnd are required")
public record CommunicationPlanContent(
        @NotBlank @Size(max = 200) @Schema(examples = "Campagne de vaccination HPV 2027") String title,
        @NotNull @Schema(examples = "2027-01-10") LocalDate periodStart,
        @NotNull @Schema(examples = "2027-03-31") LocalDate periodEnd,
        @Size(max = 10000) @Schema(examples = "Rumeurs de stérilité relayées sur WhatsApp dans l'Extrême-Nord") String situationAnalysis,
        @Size(max = 20) List<@NotNull @Valid Objective> objectives,
        @Size(max = 20) List<@NotNull @Valid Audience> audiences,
        @Size(max = 20) List<@NotNull @Valid KeyMessage> keyMessages,
        @Size(max = 50) @Schema(description = "Official account ids (accounts-service); an unknown id answers 422") List<@NotNull UUID> channels,
        @Size(max = 200) @Schema(description = "User name of the plan's owner; the author when absent", examples = "cm") String owner) {

    @AssertTrue(message = "{plan.period.order}")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isPeriodOrdered() {
        return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
    }

    /** Lists never null, objectives with ids, text stripped, owner defaulted. */
    CommunicationPlanContent normalised(String author) {
        List<Objective> withIds = objectives == null ? List.of() : objectives.stream()
                .map(o -> o.id() == null ? new Objective(UUID.randomUUID(), o.statement().strip(), o.kpi())
                        : new Objective(o.id(), o.statement().strip(), o.kpi()))
                .toList();
        return new CommunicationPlanContent(title.strip(), periodStart, periodEnd, situationAnalysis, withIds,
                audiences == null ? List.of() : audiences, keyMessages == null ? List.of() : keyMessages,
                channels == null ? List.of() : channels.stream().distinct().toList(),
                owner == null || owner.isBlank() ? author : owner.strip());
    }
}
