package cm.vigie.commons.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FieldError", description = "One invalid field of a request")
public record FieldError(
        @Schema(description = "Path of the field in the request body or the query parameter name", examples = "handle") String field,
        @Schema(description = "What is wrong, in the language asked for", examples = "must not be blank") String message) {
}
