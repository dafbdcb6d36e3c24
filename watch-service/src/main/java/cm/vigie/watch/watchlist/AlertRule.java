package cm.vigie.watch.watchlist;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cm.vigie.watch.alert.RuleType;
import cm.vigie.watch.alert.Severity;

/**
 * An alert rule of a watchlist. KEYWORD: every match when the watchlist's severity is at least {@code minSeverity}.
 * SPIKE: the last hour's volume above mean + k·σ of the previous hours and at least {@code minCount}. REACH: a
 * matching mention whose engagement (likes + shares + comments) reaches {@code threshold}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AlertRule", description = "When a watchlist raises an alert")
public record AlertRule(
        @Schema(description = "KEYWORD, SPIKE or REACH", examples = "KEYWORD", required = true) RuleType type,
        @Schema(description = "KEYWORD: lowest watchlist severity that alerts (default LOW)", examples = "MEDIUM") Severity minSeverity,
        @Schema(description = "REACH: engagement threshold (likes + shares + comments)", examples = "1000") Long threshold,
        @Schema(description = "SPIKE: how many standard deviations above the mean (default from configuration)", examples = "3") Double k,
        @Schema(description = "SPIKE: minimum mentions in the last hour (default from configuration)", examples = "10") Integer minCount) {

    public static AlertRule keyword() {
        return new AlertRule(RuleType.KEYWORD, Severity.LOW, null, null, null);
    }
}
