package cm.vigie.plan.watch;

import java.util.UUID;

import cm.vigie.plan.workflow.Severity;

/** What plan-service reads of a watch-service alert. */
public record WatchAlert(UUID id, Severity severity, UUID watchlistId, UUID hoaxId) {
}
