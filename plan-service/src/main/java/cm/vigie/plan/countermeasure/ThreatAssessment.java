package cm.vigie.plan.countermeasure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.plan.workflow.Severity;

@Schema(name = "ThreatAssessment", description = "How far and how fast a false claim spreads, and how much harm it can do")
public record ThreatAssessment(
        @Min(0) @Max(10_000_000_000L) @Schema(description = "People reached so far (estimate)", examples = "25000") Long reach,
        @Min(0) @Max(10_000_000) @Schema(description = "Mentions per hour now", examples = "120") Double velocity,
        @NotNull @Schema(examples = "HIGH") Severity harm,
        @Schema(description = "The claim is a known hoax already debunked", examples = "true") Boolean hoaxKnown,
        @Schema(description = "The public asks questions the institution has not answered yet", examples = "false") Boolean informationVoid,
        @Schema(description = "Traditional media are picking the story up", examples = "false") Boolean mediaInterest,
        @Schema(description = "An event that draws rumours is coming (exam results, election, campaign)", examples = "false") Boolean upcomingEvent) {

    static final long WIDE_REACH = 10_000;
    static final double FAST = 50;

    public boolean wide() {
        return reach != null && reach >= WIDE_REACH;
    }

    public boolean fast() {
        return velocity != null && velocity >= FAST;
    }

    public boolean contained() {
        return (reach == null || reach < 1_000) && (velocity == null || velocity < 10);
    }

    static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
