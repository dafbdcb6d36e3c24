package cm.vigie.plan.workflow;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitionRequest", description = "An optional comment on a workflow action; a rejection needs one")
public record TransitionRequest(
        @Size(max = 1000) @Schema(examples = "Conforme à la ligne du ministère") String comment) {

    public static String commentOf(TransitionRequest request) {
        return request == null || request.comment() == null || request.comment().isBlank() ? null
                : request.comment().strip();
    }
}
