package cm.vigie.plan.communication;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Audience", description = "A group the plan speaks to, and the channels it uses")
public record Audience(
        @NotBlank @Size(max = 200) @Schema(examples = "Parents d'élèves") String name,
        @Size(max = 2000) @Schema(examples = "Parents des zones rurales, surtout sur WhatsApp") String description,
        @Size(max = 20) @Schema(examples = "[\"WHATSAPP\",\"FACEBOOK\"]") List<@NotBlank @Size(max = 50) String> channels) {
}
