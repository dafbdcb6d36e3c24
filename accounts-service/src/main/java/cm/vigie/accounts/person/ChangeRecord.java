package cm.vigie.accounts.person;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.commons.audit.AuditEvent;

/** One entry of an object's history, as read through the API (never written through it). */
@Schema(name = "ChangeRecord", description = "One recorded change: who, when, what, from, to, why")
public record ChangeRecord(
        @Schema(examples = "2026-11-27T08:00:00Z") Instant at,
        @Schema(description = "Who made the change (user name, or system)", examples = "cm") String actor,
        @Schema(examples = "SUSPECT_TRANSITIONED") String action,
        @Schema(description = "State before", examples = "CONFIRMED") String from,
        @Schema(description = "State after", examples = "REPORTED") String to,
        @Schema(description = "Why, or what changed", examples = "Reported through the Facebook impersonation form") String reason) {

    public static ChangeRecord of(AuditEvent event) {
        return new ChangeRecord(event.at, event.actor, event.action, event.fromState, event.toState, event.reason);
    }
}
