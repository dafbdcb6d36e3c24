package cm.vigie.accounts.history;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.commons.audit.AuditEvent;

@Schema(name = "HistoryEntry", description = "One recorded change of an object: who, when, what it was before and after, why. Read-only.")
public record HistoryEntry(
        @Schema(examples = "0b8e6a4c-1f2d-4e3a-9c5b-7d6e5f4a3b21") UUID id,
        @Schema(description = "When the change was made", examples = "2026-11-27T09:15:00Z") Instant at,
        @Schema(description = "User name of who made it, or system", examples = "cm") String actor,
        @Schema(description = "What was done", examples = "OFFICIAL_ACCOUNT_STATUS_CHANGED") String action,
        @Schema(description = "State or changed fields (JSON) before; absent on creation", examples = "ACTIVE") String before,
        @Schema(description = "State or changed fields (JSON) after; absent on deletion", examples = "COMPROMISED") String after,
        @Schema(description = "Why, as given by who made the change", examples = "Password reset by an unknown person; page posts scam links") String reason) {

    public static HistoryEntry of(AuditEvent event) {
        return new HistoryEntry(event.id, event.at, event.actor, event.action, event.fromState, event.toState, event.reason);
    }
}
