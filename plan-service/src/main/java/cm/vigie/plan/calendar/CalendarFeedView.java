package cm.vigie.plan.calendar;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarFeed", description = "A secret link to subscribe to the calendar from Outlook or Google Calendar")
public record CalendarFeedView(
        UUID id,
        @Schema(description = "The subscription URL, shown only once, at creation; keep it secret", examples = "https://vigie.example.cm/api/plans/calendar/feeds/Zk3…x9.ics") String url,
        @Schema(description = "Only this channel, when set") UUID channel,
        @Schema(examples = "cm") String owner,
        Instant createdAt) {

    static CalendarFeedView of(CalendarFeed feed, String url) {
        return new CalendarFeedView(feed.id, url, feed.channelId, feed.owner, feed.createdAt);
    }
}
