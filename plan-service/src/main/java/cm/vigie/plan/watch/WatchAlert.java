package cm.vigie.plan.watch;

import java.util.UUID;

import cm.vigie.plan.workflow.Severity;

/** What plan-service reads of a watch-service alert. */
/** {@code exerciseId}: set when the alert comes from an exercise's mentions (docs/adr/0015-exercises.md). */
public record WatchAlert(UUID id, Severity severity, UUID watchlistId, UUID hoaxId, UUID exerciseId) {
}
