package cm.vigie.watch.retention;

import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetentionRequest", description = "How long the institution keeps its mentions")
public record RetentionRequest(
        @Min(1) @Schema(description = "Months, at most the platform's period; null keeps the platform's period", examples = "6", nullable = true) Integer months) {
}
