package cm.vigie.watch.analytics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes analytics answer with, ready for charts. */
public final class AnalyticsViews {

    private AnalyticsViews() {
    }

    @Schema(name = "SeriesPoint", description = "One bucket of a series")
    public record Point(
            @Schema(description = "Bucket start in the requested time zone", examples = "2026-11-27T00:00:00+01:00") OffsetDateTime start,
            @Schema(examples = "42") long count) {
    }

    @Schema(name = "Series", description = "Counts per bucket of one watchlist or hoax; empty buckets are 0")
    public record Series(
            @Schema(description = "The watchlist or hoax") UUID id,
            @Schema(examples = "Vaccination") String name,
            @Schema(examples = "128") long total,
            List<Point> points) {
    }

    @Schema(name = "SeriesResponse")
    public record SeriesResponse(
            @Schema(examples = "DAY") Interval interval,
            @Schema(examples = "Africa/Douala") String timeZone,
            List<Series> series) {
    }

    @Schema(name = "CountItem", description = "A value and how many mentions have it")
    public record CountItem(@Schema(examples = "FACEBOOK") String value, @Schema(examples = "310") long count) {
    }

    @Schema(name = "CountResponse")
    public record CountResponse(List<CountItem> items) {
    }

    @Schema(name = "TopAuthor")
    public record Author(
            @Schema(examples = "FACEBOOK") String platform,
            @Schema(examples = "jean_237") String handle,
            @Schema(examples = "Jean Mballa") String displayName,
            @Schema(examples = "17") long mentions,
            @Schema(description = "Likes + shares + comments of those mentions", examples = "5400") long engagement) {
    }

    @Schema(name = "TopAuthorsResponse")
    public record AuthorsResponse(List<Author> items) {
    }

    @Schema(name = "ShareOfVoiceItem")
    public record Share(
            UUID watchlistId,
            @Schema(examples = "Vaccination") String name,
            @Schema(examples = "310") long count,
            @Schema(description = "Fraction of all watchlist matches in the range, 0..1", examples = "0.42") double share) {
    }

    @Schema(name = "ShareOfVoiceResponse")
    public record ShareResponse(@Schema(examples = "740") long total, List<Share> items) {
    }
}
