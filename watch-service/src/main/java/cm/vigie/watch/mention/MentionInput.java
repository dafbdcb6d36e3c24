package cm.vigie.watch.mention;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One mention as a collector hands it over (ingest API or a connector). Loose on purpose: each item is checked
 * on its own so that one bad item never rejects the rest of its batch.
 */
@Schema(name = "MentionInput", description = "A post, comment or article that mentions the institution")
public record MentionInput(
        @Schema(description = "FACEBOOK, X, TIKTOK, YOUTUBE, INSTAGRAM, LINKEDIN, TELEGRAM, WHATSAPP, WEB, RSS or OTHER", examples = "FACEBOOK") String platform,
        @Schema(description = "The platform's id of the post; (platform, externalId) is stored once", examples = "1234567890_987654321") String externalId,
        @Schema(examples = "https://www.facebook.com/permalink.php?story_fbid=987654321") String url,
        Author author,
        @Schema(description = "The text, at most 20,000 characters", examples = "Le vaccin contre le paludisme est-il dangereux ?") String text,
        @Schema(description = "ISO 639-1 code; detected (at least fr and en) when missing", examples = "fr") String language,
        @Schema(examples = "2026-11-27T08:00:00Z") @JsonDeserialize(using = IsoInstantDeserializer.class) Instant publishedAt,
        Metrics metrics,
        @Schema(description = "External id of the post this one answers", examples = "1234567890_111") String inReplyTo) {

    @Schema(name = "MentionAuthor")
    public record Author(
            @Schema(examples = "jean_237") String handle,
            @Schema(examples = "Jean Mballa") String displayName,
            @Schema(examples = "1520") Long followers,
            @Schema(description = "When the author's account was created", examples = "2024-01-05T00:00:00Z")
            @JsonDeserialize(using = IsoInstantDeserializer.class) Instant createdAt) {
    }

    @Schema(name = "MentionMetrics")
    public record Metrics(
            @Schema(examples = "12") Long likes,
            @Schema(examples = "3") Long shares,
            @Schema(examples = "5") Long comments,
            @Schema(examples = "840") Long views) {
    }
}
