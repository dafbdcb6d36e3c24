package cm.vigie.watch.source;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SourceStatus", description = "What collection from a source did last")
public record SourceStatusView(
        @Schema(description = "When the next poll is due (polled types)", examples = "2026-11-27T08:15:00Z") Instant nextPollAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant lastPolledAt,
        @Schema(description = "Last poll or webhook event that worked", examples = "2026-11-27T08:00:00Z") Instant lastSuccessAt,
        @Schema(examples = "2026-11-27T07:00:00Z") Instant lastErrorAt,
        @Schema(description = "What went wrong last, when the last attempt failed", examples = "HTTP 503 from the feed") String lastError,
        @Schema(description = "Failures in a row; polls back off exponentially", examples = "0") int consecutiveFailures,
        @Schema(description = "New mentions collected since the source was created", examples = "1284") long itemsCollected) {

    static final SourceStatusView NEVER = new SourceStatusView(null, null, null, null, null, 0, 0);

    SourceStatusView withNextPoll(java.time.Instant next) {
        return new SourceStatusView(next, lastPolledAt, lastSuccessAt, lastErrorAt, lastError, consecutiveFailures, itemsCollected);
    }
}
