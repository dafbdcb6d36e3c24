package cm.vigie.plan.countermeasure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A counter-disinformation measure of the DISARM blue framework. The id and English name are DISARM's; the
 * French name, the descriptions and the guidance are Vigie's own, written for institutions' community managers.
 */
@Schema(name = "Countermeasure", description = "A DISARM blue countermeasure with Vigie's guidance in French and English")
public record Countermeasure(
        @Schema(description = "DISARM id", examples = "C00125") String id,
        @Schema(description = "DISARM name", examples = "Prebunking") String name,
        @Schema(examples = "Prévenir avant la rumeur (prebunking)") String nameFr,
        String descriptionEn,
        String descriptionFr,
        @Schema(description = "When to use it, in English") String whenToUseEn,
        @Schema(description = "When to use it, in French") String whenToUseFr) {
}
