package cm.vigie.watch.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the alert list; use as a {@code @BeanParam}. */
public class AlertFilter {

    @QueryParam("status")
    @Parameter(description = "OPEN, ACKNOWLEDGED or RESOLVED", example = "OPEN")
    public AlertStatus status;

    @QueryParam("ruleType")
    @Parameter(description = "KEYWORD, SPIKE, HOAX, IMPERSONATION or REACH", example = "HOAX")
    public RuleType ruleType;

    @QueryParam("minSeverity")
    @Parameter(description = "At least this severity", example = "HIGH")
    public Severity minSeverity;

    @QueryParam("watchlistId")
    @Parameter(description = "Alerts of this watchlist")
    public UUID watchlistId;

    @QueryParam("hoaxId")
    @Parameter(description = "Alerts of this hoax")
    public UUID hoaxId;

    @QueryParam("exerciseId")
    @Parameter(description = "Only the alerts of this exercise (without it, real and exercise alerts are listed, each marked)")
    public UUID exerciseId;

    @QueryParam("from")
    @Parameter(description = "Created at or after", example = "2026-11-01T00:00:00Z")
    public Instant from;

    @QueryParam("to")
    @Parameter(description = "Created before", example = "2026-12-01T00:00:00Z")
    public Instant to;
}
