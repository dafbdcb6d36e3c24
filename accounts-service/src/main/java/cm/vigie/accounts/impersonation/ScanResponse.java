package cm.vigie.accounts.impersonation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImpersonationScan", description = "What a scan did: suspects opened and updated, one result per candidate")
public record ScanResponse(
        @Schema(description = "The institution's threshold the scan used", examples = "0.6") double threshold,
        @Schema(description = "Suspect accounts opened", examples = "1") int opened,
        @Schema(description = "Existing suspect accounts updated", examples = "1") int updated,
        List<Result> results) {

    public enum Action {
        /** A new suspect account (SUSPECTED) was opened. */
        OPENED,
        /** The existing suspect account for this platform and handle got the new score. */
        UPDATED,
        /** Below the threshold, or an official account: nothing recorded. */
        IGNORED
    }

    @Schema(name = "ImpersonationScanResult")
    public record Result(
            @Schema(examples = "0") int index,
            @Schema(examples = "LIKELY_IMPERSONATION") String verdict,
            @Schema(examples = "0.87") double score,
            @Schema(examples = "OPENED") Action action,
            @Schema(description = "The suspect account opened or updated; null when ignored") UUID suspectId) {
    }
}
