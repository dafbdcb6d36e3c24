package cm.vigie.accounts.impersonation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImpersonationSettings", description = "The caller's institution's impersonation settings")
public record ImpersonationSettingsView(
        @Schema(description = "Score from which a scan opens or updates a suspect account", examples = "0.6") double threshold,
        @Schema(description = "Days a platform has to act on a report", examples = "7") int defaultSlaDays,
        @Schema(description = "True while the institution uses the platform defaults", examples = "false") boolean defaults) {
}
