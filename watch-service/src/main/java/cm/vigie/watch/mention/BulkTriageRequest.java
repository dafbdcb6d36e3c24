package cm.vigie.watch.mention;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BulkTriageRequest", description = "One triage decision for up to 500 mentions")
public record BulkTriageRequest(
        @NotEmpty @Size(max = 500) List<@NotNull UUID> ids,
        @NotNull @Valid TriageRequest triage) {
}
