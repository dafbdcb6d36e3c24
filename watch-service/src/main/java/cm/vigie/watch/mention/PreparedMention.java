package cm.vigie.watch.mention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cm.vigie.watch.hoax.HoaxMatch;
import cm.vigie.watch.sentiment.Sentiment;

/**
 * A valid mention ready to store: normalised, its text analysed once ({@code analysis}), language known, matched
 * against watchlists and hoaxes, its tone scored ({@code sentiment} null when it could not be).
 */
public record PreparedMention(
        int index,
        UUID id,
        Platform platform,
        String externalId,
        String url,
        String authorHandle,
        String authorName,
        Long authorFollowers,
        Instant authorCreatedAt,
        String text,
        TextAnalysis analysis,
        String language,
        boolean languageDetected,
        Instant publishedAt,
        long likes,
        long shares,
        long comments,
        long views,
        String inReplyTo,
        List<UUID> matchedWatchlists,
        List<HoaxMatch> hoaxMatches,
        Sentiment sentiment) {

    public String textFolded() {
        return analysis.folded();
    }

    public List<String> hashtags() {
        return analysis.hashtags();
    }

    public long engagement() {
        return likes + shares + comments;
    }

    String key() {
        return platform.name() + "\u0000" + externalId;
    }
}
