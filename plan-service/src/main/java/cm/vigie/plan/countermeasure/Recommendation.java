package cm.vigie.plan.countermeasure;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Recommendation", description = "Countermeasures proposed for a threat, best first, with the reasons")
public record Recommendation(
        @Schema(examples = "RESPOND") Decision suggestedDecision,
        @Schema(description = "Why this decision, in the language asked for") String decisionReason,
        List<Item> countermeasures) {

    @Schema(name = "RecommendedCountermeasure")
    public record Item(
            @Schema(examples = "C00119") String id,
            @Schema(examples = "Engage payload and debunk") String name,
            @Schema(examples = "Répondre et démentir") String nameFr,
            @Schema(description = "Higher is more fitting", examples = "6") int score,
            @Schema(description = "Why, in the language asked for") List<String> reasons) {
    }
}
