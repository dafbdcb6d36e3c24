package cm.vigie.watch.mention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.watch.sentiment.Sentiment;

@Schema(name = "Mention", description = "A stored mention, with what it matched and its triage")
public record MentionView(
        @Schema(examples = "2f4c0b8e-1d3a-4c5e-8f7a-9b0c1d2e3f40") UUID id,
        @Schema(examples = "FACEBOOK") Platform platform,
        @Schema(examples = "1234567890_987654321") String externalId,
        String url,
        MentionInput.Author author,
        @Schema(examples = "Le vaccin contre le paludisme est-il dangereux ?") String text,
        @Schema(examples = "fr") String language,
        @Schema(description = "Whether the language was detected rather than given", examples = "false") boolean languageDetected,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant publishedAt,
        @Schema(examples = "2026-11-27T08:00:01Z") Instant ingestedAt,
        MentionInput.Metrics metrics,
        String inReplyTo,
        @Schema(description = "Ids of the watchlists the mention matched when it was ingested") List<UUID> matchedWatchlists,
        @Schema(description = "Known hoaxes the mention restates") List<HoaxMatchView> hoaxMatches,
        @Schema(examples = "[\"vaccination\"]") List<String> hashtags,
        @Schema(examples = "NEW") MentionStatus status,
        @Schema(examples = "cm") String assignee,
        String note,
        String triagedBy,
        Instant triagedAt,
        @Schema(description = "The tone of the text; null when it could not be scored", examples = "NEGATIVE") Sentiment sentiment,
        @Schema(description = "The exercise this mention belongs to; null for real data") UUID exerciseId) {

    @Schema(name = "HoaxMatch")
    public record HoaxMatchView(
            @Schema(examples = "8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d") UUID hoaxId,
            @Schema(description = "Estimated similarity in [0, 1]", examples = "0.91") double similarity) {
    }
}
