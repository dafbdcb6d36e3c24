package cm.vigie.accounts.suspect;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.accounts.official.Platform;

@Schema(name = "Suspect", description = "A suspect account and its takedown case")
public record SuspectView(
        @Schema(examples = "3c2e1f0a-9b8d-4c7e-a6f5-4d3c2b1a0f9e") UUID id,
        @Schema(examples = "FACEBOOK") Platform platform,
        @Schema(description = "Normalised handle", examples = "minsante.officiel") String handle,
        @Schema(examples = "Ministère de la Santé Publique (officiel)") String displayName,
        @Schema(examples = "https://www.facebook.com/MinSante.Officiel") String profileUrl,
        @Schema(description = "The protected person it imitates, if known") UUID personId,
        @Schema(description = "The official account it imitates, if known") UUID officialAccountId,
        @Schema(description = "Last impersonation score, 0 to 1", examples = "0.87") Double score,
        @Schema(description = "Last verdict", examples = "LIKELY_IMPERSONATION") String verdict,
        @Schema(examples = "REPORTED") SuspectStatus status,
        @Schema(examples = "FB-IMP-2026-118734") String reportReference,
        @Schema(examples = "2026-11-27T10:00:00Z") Instant reportedAt,
        @Schema(examples = "7") int slaDays,
        @Schema(description = "When the platform should have acted", examples = "2026-12-04T10:00:00Z") Instant dueAt,
        @Schema(description = "Reported and past its due date") boolean overdue,
        @Schema(examples = "Page removed by Meta") String outcome,
        @Schema(examples = "2026-11-30T16:00:00Z") Instant closedAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant lastScoredAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T10:00:00Z") Instant updatedAt) {

    static SuspectView of(SuspectAccount s, Instant now) {
        return new SuspectView(s.id, s.platform, s.handle, s.displayName, s.profileUrl, s.personId, s.officialAccountId,
                s.score, s.verdict, s.status, s.reportReference, s.reportedAt, s.slaDays, s.dueAt, s.overdue(now),
                s.outcome, s.closedAt, s.lastScoredAt, s.createdAt, s.updatedAt);
    }
}
