package cm.vigie.plan.response;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HoldingStatement", description = "What to say while the answer is prepared, in French and English")
public record Statement(
        @Size(max = 5000) @Schema(examples = "Nous avons connaissance de messages sur ce sujet et vérifions les faits. Informations à suivre ici.") String fr,
        @Size(max = 5000) @Schema(examples = "We are aware of messages on this topic and are checking the facts. Updates will follow here.") String en) {
}
