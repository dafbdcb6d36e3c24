package cm.vigie.plan.calendar;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarFeedRequest", description = "What the subscription shows")
public record CalendarFeedRequest(@Schema(description = "Only this channel (official account id); all when absent") UUID channel) {
}
