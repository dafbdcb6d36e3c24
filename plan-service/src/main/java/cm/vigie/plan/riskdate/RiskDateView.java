package cm.vigie.plan.riskdate;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RiskDate", description = "A risk date with the suggestion to prepare a prebunking publication")
public record RiskDateView(
        UUID id,
        @Schema(examples = "Résultats du baccalauréat") String name,
        @Schema(examples = "EXAM_RESULTS") RiskKind kind,
        @Schema(examples = "2027-07-15") LocalDate startsOn,
        @Schema(examples = "2027-07-16") LocalDate endsOn,
        boolean yearly,
        String notes,
        @Schema(description = "What to prepare, and by when") Suggestion suggestion,
        @Schema(examples = "0") long version) {

    @Schema(name = "RiskDateSuggestion")
    public record Suggestion(
            @Schema(examples = "C00125") String countermeasureId,
            @Schema(description = "Have the prebunking publication approved by this day", examples = "2027-07-08") LocalDate prepareBy,
            @Schema(examples = "Prepare a prebunking publication (DISARM C00125) before Résultats du baccalauréat.") String messageEn,
            @Schema(examples = "Préparez une publication de prebunking (DISARM C00125) avant Résultats du baccalauréat.") String messageFr) {
    }

    static final int LEAD_DAYS = 7;

    public static Suggestion suggestion(String name, LocalDate startsOn) {
        return new Suggestion("C00125", startsOn.minusDays(LEAD_DAYS),
                "Prepare a prebunking publication (DISARM C00125) before " + name
                        + ": warn the public about the false claims these days usually bring, and say where the official information will be.",
                "Préparez une publication de prebunking (DISARM C00125) avant « " + name
                        + " » : prévenez le public des fausses informations habituelles à ces dates et dites où trouver l’information officielle.");
    }

    static RiskDateView of(RiskDateService.Occurrence o) {
        RiskDate d = o.date();
        return new RiskDateView(d.id, d.name, d.kind, o.startsOn(), o.endsOn(), d.yearly, d.notes,
                suggestion(d.name, o.startsOn()), d.version);
    }

    static RiskDateView of(RiskDate d) {
        return new RiskDateView(d.id, d.name, d.kind, d.startsOn, d.endsOn, d.yearly, d.notes, suggestion(d.name, d.startsOn),
                d.version);
    }
}
