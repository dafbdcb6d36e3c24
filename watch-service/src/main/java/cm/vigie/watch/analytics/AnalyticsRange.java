package cm.vigie.watch.analytics;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cm.vigie.commons.problem.ProblemException;

/** A validated time range, bucket size and time zone. */
record AnalyticsRange(Instant from, Instant to, Interval interval, ZoneId zone) {

    static final String DEFAULT_ZONE = "Africa/Douala";
    static final Duration MAX_RANGE = Duration.ofDays(400);
    static final int MAX_BUCKETS = 10_000;

    static AnalyticsRange of(Instant from, Instant to, Interval interval, String timeZone) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("from", "analytics.range.invalid");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : timeZone.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "analytics.time-zone.invalid");
        }
        AnalyticsRange range = new AnalyticsRange(start, end, interval == null ? Interval.DAY : interval, zone);
        if (range.interval == Interval.HOUR && Duration.between(start, end).toHours() > MAX_BUCKETS) {
            throw ProblemException.invalid("interval", "analytics.interval.too-many");
        }
        return range;
    }

    /** Every bucket start from the one holding {@code from} to the one holding {@code to}, in the zone. */
    List<ZonedDateTime> buckets() {
        List<ZonedDateTime> buckets = new ArrayList<>();
        ZonedDateTime cursor = truncate(from.atZone(zone));
        while (cursor.toInstant().isBefore(to)) {
            buckets.add(cursor);
            cursor = cursor.plus(1, interval.unit);
        }
        return buckets;
    }

    ZonedDateTime truncate(ZonedDateTime time) {
        return interval == Interval.DAY ? time.truncatedTo(ChronoUnit.DAYS) : time.truncatedTo(ChronoUnit.HOURS);
    }
}
