package cm.vigie.watch.alert;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResolveAlertRequest", description = "How the alert was handled")
public record ResolveRequest(@Size(max = 2000) @Schema(examples = "Debunk published on the ministry's page") String note) {
}
