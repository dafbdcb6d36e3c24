package cm.vigie.plan.diff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "FieldChange", description = "One difference between two versions of a document")
public record FieldChange(
        @Schema(description = "JSON Pointer of the field", examples = "/objectives/0/target") String path,
        @Schema(examples = "CHANGED") Kind kind,
        @Schema(description = "Value in the older version") JsonNode before,
        @Schema(description = "Value in the newer version") JsonNode after) {

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }
}
