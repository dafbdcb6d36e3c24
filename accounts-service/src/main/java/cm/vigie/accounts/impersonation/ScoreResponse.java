package cm.vigie.accounts.impersonation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImpersonationScores", description = "One result per candidate, in the order given")
public record ScoreResponse(List<Result> results) {

    @Schema(name = "ImpersonationScore", description = "How much a candidate looks like an impersonation, and why")
    public record Result(
            @Schema(description = "Position of the candidate in the request", examples = "0") int index,
            @Schema(examples = "LIKELY_IMPERSONATION", enumeration = { "OFFICIAL", "LIKELY_IMPERSONATION", "SUSPICIOUS", "UNRELATED" }) String verdict,
            @Schema(description = "0 to 1", examples = "0.87") double score,
            @Schema(description = "The closest protected person or official account; null when nothing is close") Closest closest,
            @Schema(description = "What made the score, strongest first") List<SignalView> signals) {
    }

    @Schema(name = "ImpersonationClosest", description = "A protected person or an official account of your institution")
    public record Closest(
            @Schema(examples = "OFFICIAL_ACCOUNT", enumeration = { "PROTECTED_PERSON", "OFFICIAL_ACCOUNT" }) String kind,
            @Schema(examples = "7b1c9e0e-3f55-4d1e-9b0a-0d6f4c3e2a11") UUID id,
            @Schema(description = "For an official account", examples = "FACEBOOK") String platform,
            @Schema(description = "For an official account", examples = "minsantecm") String handle,
            @Schema(description = "Full name of the person or display name of the account", examples = "Ministère de la Santé publique") String displayName) {
    }

    @Schema(name = "ImpersonationSignal", description = "One piece of evidence and what it added to the score (negative: removed)")
    public record SignalView(
            @Schema(examples = "HANDLE_SKELETON") String code,
            @Schema(examples = "0.45") double contribution,
            @Schema(examples = "confusable skeleton of minsante.officiel equals minsante") String detail) {
    }
}
