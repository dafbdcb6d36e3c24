package cm.vigie.watch.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.watch.alert.Severity;

/** Sentiment over time and alerts resolved within their SLA: the figures behind plan-service's KPIs. */
@ApplicationScoped
public class KpiAnalyticsService {

    private final AnalyticsService analytics;
    private final AnalyticsSettings settings;

    KpiAnalyticsService(AnalyticsService analytics, AnalyticsSettings settings) {
        this.analytics = analytics;
        this.settings = settings;
    }

    public KpiViews.SentimentResponse sentiment(UUID watchlistId, AnalyticsRange range, UUID exerciseId) {
        String institutionId = analytics.institutionId();
        List<ZonedDateTime> buckets = range.buckets();
        // bucket found by binary search among the zone's bucket starts (see AnalyticsService.volume)
        String bucket = "width_bucket(m.published_at, ?::timestamptz[])";
        String sql;
        if (watchlistId == null) {
            sql = """
                    SELECT %s AS bucket, m.sentiment, count(*) FROM mention m
                     WHERE m.institution_id = ? AND m.published_at >= ? AND m.published_at < ? AND %s AND m.sentiment IS NOT NULL
                     GROUP BY 1, 2""".formatted(bucket, AnalyticsService.exercise("m.exercise_id", exerciseId));
        } else {
            analytics.watchlists(institutionId, List.of(watchlistId), exerciseId);
            sql = """
                    SELECT %s AS bucket, m.sentiment, count(*) FROM mention_match mm
                      JOIN mention m ON m.institution_id = mm.institution_id AND m.id = mm.mention_id AND m.published_at = mm.published_at
                     WHERE mm.institution_id = ? AND mm.published_at >= ? AND mm.published_at < ? AND %s
                       AND mm.watchlist_id = ? AND m.sentiment IS NOT NULL AND m.published_at >= ? AND m.published_at < ?
                     GROUP BY 1, 2""".formatted(bucket, AnalyticsService.exercise("mm.exercise_id", exerciseId));
        }
        long[][] counts = new long[buckets.size()][3];
        analytics.query(sql, statement -> {
            statement.setArray(1, AnalyticsService.bucketStarts(statement.getConnection(), buckets));
            statement.setString(2, institutionId);
            statement.setTimestamp(3, Timestamp.from(range.from()));
            statement.setTimestamp(4, Timestamp.from(range.to()));
            int i = AnalyticsService.bindExercise(statement, 5, exerciseId);
            if (watchlistId != null) {
                statement.setObject(i++, watchlistId);
                // the same range on mention too, so that the planner prunes its months as well as mention_match's
                statement.setTimestamp(i++, Timestamp.from(range.from()));
                statement.setTimestamp(i, Timestamp.from(range.to()));
            }
        }, rows -> {
            int index = rows.getInt(1);
            if (index >= 1 && index <= buckets.size()) {
                counts[index - 1][Integer.signum(rows.getShort(2)) + 1] += rows.getLong(3);
            }
        });
        List<KpiViews.SentimentBucket> series = new ArrayList<>();
        long negative = 0;
        long neutral = 0;
        long positive = 0;
        for (int b = 0; b < buckets.size(); b++) {
            long[] byTone = counts[b];
            series.add(new KpiViews.SentimentBucket(buckets.get(b).toOffsetDateTime(), byTone[2], byTone[1], byTone[0]));
            negative += byTone[0];
            neutral += byTone[1];
            positive += byTone[2];
        }
        long scored = negative + neutral + positive;
        return new KpiViews.SentimentResponse(series,
                new KpiViews.SentimentTotals(positive, neutral, negative, scored == 0 ? null : (double) negative / scored));
    }

    public KpiViews.AlertSlaResponse alertsSla(UUID watchlistId, AnalyticsRange range, UUID exerciseId) {
        String institutionId = analytics.institutionId();
        if (watchlistId != null) {
            analytics.watchlists(institutionId, List.of(watchlistId), exerciseId);
        }
        Map<Severity, Integer> minutes = slaMinutes();
        // An alert counts once its outcome is known: resolved, or past its deadline without being resolved.
        String deadline = "created_at + make_interval(mins => CASE severity WHEN 'CRITICAL' THEN ? WHEN 'HIGH' THEN ? "
                + "WHEN 'MEDIUM' THEN ? ELSE ? END)";
        String sql = """
                SELECT severity,
                       count(*) FILTER (WHERE resolved_at IS NOT NULL OR %1$s <= ?),
                       count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= %1$s)
                  FROM alert
                 WHERE institution_id = ? AND created_at >= ? AND created_at < ? AND %2$s%3$s
                 GROUP BY 1""".formatted(deadline, AnalyticsService.exercise("exercise_id", exerciseId),
                watchlistId == null ? "" : " AND watchlist_id = ?");
        Map<Severity, long[]> counts = new EnumMap<>(Severity.class);
        analytics.query(sql, statement -> {
            int i = 1;
            for (int round = 0; round < 2; round++) {
                statement.setInt(i++, minutes.get(Severity.CRITICAL));
                statement.setInt(i++, minutes.get(Severity.HIGH));
                statement.setInt(i++, minutes.get(Severity.MEDIUM));
                statement.setInt(i++, minutes.get(Severity.LOW));
                if (round == 0) {
                    statement.setTimestamp(i++, Timestamp.from(Instant.now()));
                }
            }
            statement.setString(i++, institutionId);
            statement.setTimestamp(i++, Timestamp.from(range.from()));
            statement.setTimestamp(i++, Timestamp.from(range.to()));
            i = AnalyticsService.bindExercise(statement, i, exerciseId);
            if (watchlistId != null) {
                statement.setObject(i++, watchlistId);
                // the same range on mention too, so that the planner prunes its months as well as mention_match's
                statement.setTimestamp(i++, Timestamp.from(range.from()));
                statement.setTimestamp(i, Timestamp.from(range.to()));
            }
        }, rows -> counts.put(Severity.valueOf(rows.getString(1)), new long[] { rows.getLong(2), rows.getLong(3) }));
        List<KpiViews.SeveritySla> bySeverity = new ArrayList<>();
        long total = 0;
        long inSla = 0;
        for (Severity severity : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            long[] c = counts.getOrDefault(severity, new long[2]);
            bySeverity.add(new KpiViews.SeveritySla(severity, minutes.get(severity), c[0], c[1], share(c[1], c[0])));
            total += c[0];
            inSla += c[1];
        }
        return new KpiViews.AlertSlaResponse(total, inSla, share(inSla, total), bySeverity);
    }

    private Map<Severity, Integer> slaMinutes() {
        Map<Severity, Integer> minutes = new EnumMap<>(Severity.class);
        minutes.put(Severity.CRITICAL, settings.sla().critical());
        minutes.put(Severity.HIGH, settings.sla().high());
        minutes.put(Severity.MEDIUM, settings.sla().medium());
        minutes.put(Severity.LOW, settings.sla().low());
        return minutes;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
