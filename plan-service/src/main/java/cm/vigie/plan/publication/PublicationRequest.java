package cm.vigie.plan.publication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The editable part of a publication: what is sent to plan or edit it, and what the audit keeps. */
@Schema(name = "PublicationRequest", description = "A planned publication on one official channel")
public record PublicationRequest(
        @NotNull @Schema(description = "Official account id (accounts-service); an unknown id answers 422") UUID channelId,
        @NotNull @Schema(description = "When it goes out (UTC instant)", examples = "2027-01-12T08:00:00Z") Instant plannedAt,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone the team plans in", examples = "Africa/Douala") String timeZone,
        @Size(max = 200) @Schema(description = "Short title for the calendar; the start of the text when absent", examples = "Lancement de la campagne HPV") String title,
        @Size(max = 10000) @Schema(examples = "Dès lundi, la vaccination HPV est gratuite pour les filles de 9 à 14 ans.") String contentFr,
        @Size(max = 10000) @Schema(examples = "From Monday, HPV vaccination is free for girls aged 9 to 14.") String contentEn,
        @Size(max = 20) @Schema(description = "References of images or videos (URLs or media library ids)", examples = "[\"https://cdn.example.cm/hpv-affiche.jpg\"]")
        List<@NotBlank @Size(max = 1000) String> media,
        @Schema(description = "The communication plan it serves") UUID planId,
        @Schema(description = "The objective of that plan it serves") UUID objectiveId) {

    @AssertTrue(message = "{plan.publication.content}")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isContentGiven() {
        return contentFr != null && !contentFr.isBlank() || contentEn != null && !contentEn.isBlank();
    }

    @AssertTrue(message = "{plan.publication.time-zone}")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isTimeZoneKnown() {
        return timeZone == null || java.time.ZoneId.getAvailableZoneIds().contains(timeZone) || "UTC".equals(timeZone);
    }

    @AssertTrue(message = "{plan.publication.objective}")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isObjectiveWithPlan() {
        return objectiveId == null || planId != null;
    }

    PublicationRequest normalised() {
        String shortTitle = title != null && !title.isBlank() ? title.strip() : excerpt(contentFr != null && !contentFr.isBlank() ? contentFr : contentEn);
        return new PublicationRequest(channelId, plannedAt, timeZone, shortTitle, contentFr, contentEn,
                media == null ? List.of() : media, planId, objectiveId);
    }

    private static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    }
}
