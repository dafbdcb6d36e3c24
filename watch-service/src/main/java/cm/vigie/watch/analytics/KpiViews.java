package cm.vigie.watch.analytics;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.watch.alert.Severity;

/** The shapes of the analytics that feed plan-service's KPIs (NEGATIVE_SHARE, ALERTS_RESOLVED_IN_SLA). */
public final class KpiViews {

    private KpiViews() {
    }

    @Schema(name = "SentimentBucket", description = "Scored mentions of one bucket by tone")
    public record SentimentBucket(
            @Schema(description = "Bucket start in the requested time zone", examples = "2026-11-01T00:00:00+01:00") OffsetDateTime bucket,
            @Schema(examples = "3") long positive,
            @Schema(examples = "10") long neutral,
            @Schema(examples = "7") long negative) {
    }

    @Schema(name = "SentimentTotals", description = "Scored mentions of the whole range by tone")
    public record SentimentTotals(
            @Schema(examples = "3") long positive,
            @Schema(examples = "10") long neutral,
            @Schema(examples = "7") long negative,
            @Schema(description = "negative / (positive + neutral + negative), 0..1; null when no mention was scored", examples = "0.35", nullable = true)
            Double negativeShare) {
    }

    @Schema(name = "SentimentResponse", description = "Tone of the scored mentions over time; mentions not scored (unknown language) are left out")
    public record SentimentResponse(List<SentimentBucket> series, SentimentTotals totals) {
    }

    @Schema(name = "AlertSlaSeverity", description = "Alerts of one severity and how many were resolved within its SLA")
    public record SeveritySla(
            @Schema(examples = "HIGH") Severity severity,
            @Schema(description = "Minutes allowed from creation to resolution", examples = "60") int slaMinutes,
            @Schema(examples = "4") long total,
            @Schema(examples = "3") long resolvedInSla,
            @Schema(description = "resolvedInSla / total, 0..1; null when total is 0", examples = "0.75", nullable = true) Double share) {
    }

    @Schema(name = "AlertSlaResponse", description = """
            Alerts created in the range whose outcome is known: resolved, or still unresolved past their SLA deadline \
            (an alert still open within its SLA is not counted yet)""")
    public record AlertSlaResponse(
            @Schema(examples = "12") long total,
            @Schema(examples = "9") long resolvedInSla,
            @Schema(description = "resolvedInSla / total, 0..1; null when total is 0", examples = "0.75", nullable = true) Double share,
            @Schema(description = "Every severity, most severe first") List<SeveritySla> bySeverity) {
    }
}
