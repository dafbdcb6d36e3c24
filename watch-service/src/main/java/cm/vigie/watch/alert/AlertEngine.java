package cm.vigie.watch.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.watch.hoax.HoaxMatch;
import cm.vigie.watch.mention.IngestedMention;
import cm.vigie.watch.watchlist.AlertRule;
import cm.vigie.watch.watchlist.WatchlistSnapshot;

/**
 * Turns the new mentions of a batch into alerts: KEYWORD, REACH and SPIKE from the rules of the watchlists they
 * matched, HOAX from their hoax matches; a repost of a stored mention whose engagement crosses a REACH threshold
 * raises REACH too (a post going viral). Runs inside the ingestion transaction, so an alert exists exactly when
 * its mentions do. IMPERSONATION alerts come later, from the author check ({@link #impersonation}). Mentions of an
 * exercise only ever group with mentions of the same exercise.
 */
@ApplicationScoped
public class AlertEngine {

    private final AlertWriter writer;
    private final AlertSettings settings;

    AlertEngine(AlertWriter writer, AlertSettings settings) {
        this.writer = writer;
        this.settings = settings;
    }

    private record Group(AlertWriter.Subject subject, Severity severity, List<IngestedMention> mentions) {
    }

    /** @param stored the batch's mentions as stored: new ones and repeats (whose metrics were just refreshed) */
    public List<AlertEvent> evaluate(Connection connection, String institutionId, List<IngestedMention> stored,
            Map<UUID, WatchlistSnapshot> watchlists, Instant now) throws SQLException {
        Map<String, Group> groups = new LinkedHashMap<>();
        record SpikeKey(UUID watchlistId, UUID exerciseId) {
        }
        Map<SpikeKey, AlertRule> spikeRules = new LinkedHashMap<>();
        List<IngestedMention> created = stored.stream().filter(IngestedMention::created).toList();
        for (IngestedMention mention : stored) {
            UUID exerciseId = mention.exerciseId();
            for (UUID watchlistId : mention.watchlists()) {
                WatchlistSnapshot watchlist = watchlists.get(watchlistId);
                if (watchlist == null) {
                    continue;
                }
                for (AlertRule rule : watchlist.alertRules()) {
                    if (!mention.created()) {
                        if (rule.type() == RuleType.REACH && crossed(mention, rule.threshold())) {
                            add(groups, watchlistSubject(RuleType.REACH, watchlist, exerciseId), watchlist.severity(), mention);
                        }
                        continue;
                    }
                    switch (rule.type()) {
                        case KEYWORD -> {
                            Severity floor = rule.minSeverity() == null ? Severity.LOW : rule.minSeverity();
                            if (watchlist.severity().atLeast(floor)) {
                                add(groups, watchlistSubject(RuleType.KEYWORD, watchlist, exerciseId), watchlist.severity(),
                                        mention);
                            }
                        }
                        case REACH -> {
                            if (rule.threshold() != null && mention.mention().engagement() >= rule.threshold()) {
                                add(groups, watchlistSubject(RuleType.REACH, watchlist, exerciseId), watchlist.severity(),
                                        mention);
                            }
                        }
                        case SPIKE -> spikeRules.putIfAbsent(new SpikeKey(watchlistId, exerciseId), rule);
                        default -> {
                        }
                    }
                }
            }
            if (!mention.created()) {
                continue;
            }
            for (HoaxMatch hoax : mention.mention().hoaxMatches()) {
                add(groups, new AlertWriter.Subject(RuleType.HOAX, hoax.hoaxId().toString(), null, hoax.hoaxId(), null, null,
                        "Hoax " + hoax.hoaxId(), exerciseId), settings.hoaxSeverity(), mention);
            }
        }
        Instant windowStart = windowStart(now, settings.window());
        // Concurrent batches lock the alerts they touch: always in the same order, so that they never deadlock.
        record Write(Group group, Instant windowStart, int count) {
        }
        List<Write> writes = new ArrayList<>();
        for (Group group : groups.values()) {
            writes.add(new Write(group, windowStart, group.mentions().size()));
        }
        for (var spike : spikeRules.entrySet()) {
            UUID watchlistId = spike.getKey().watchlistId();
            UUID exerciseId = spike.getKey().exerciseId();
            WatchlistSnapshot watchlist = watchlists.get(watchlistId);
            int volume = spikeVolume(connection, institutionId, watchlistId, exerciseId, spike.getValue(), now);
            if (volume > 0) {
                List<IngestedMention> mentions = created.stream()
                        .filter(m -> java.util.Objects.equals(m.exerciseId(), exerciseId)
                                && m.mention().matchedWatchlists().contains(watchlistId))
                        .toList();
                writes.add(new Write(new Group(watchlistSubject(RuleType.SPIKE, watchlist, exerciseId), watchlist.severity(),
                        mentions),
                        windowStart(now, settings.spike().window()), volume));
            }
        }
        writes.sort(Comparator.comparing((Write w) -> w.group().subject().rule().name())
                .thenComparing(w -> w.group().subject().groupKey()));
        List<AlertWriter.Write> rows = new ArrayList<>(writes.size());
        for (Write write : writes) {
            rows.add(row(write.group(), write.windowStart(), write.count()));
        }
        return writer.groupAll(connection, institutionId, rows, now);
    }

    /** An IMPERSONATION alert for an author that accounts-service scored LIKELY_IMPERSONATION. */
    public AlertEvent impersonation(Connection connection, String institutionId, String platform, String handle,
            String displayName, List<UUID> mentionIds, Instant firstPublished, Instant firstIngested, UUID exerciseId,
            Instant now) throws SQLException {
        var subject = new AlertWriter.Subject(RuleType.IMPERSONATION, platform + ":" + handle, null, null, handle, platform,
                displayName == null ? "@" + handle : displayName + " (@" + handle + ")", exerciseId);
        return writer.group(connection, institutionId, subject, settings.impersonationSeverity(),
                windowStart(now, settings.window()), mentionIds, Math.max(1, mentionIds.size()), firstPublished,
                firstIngested, now);
    }

    /**
     * The last window's volume when it is a spike: above mean + k·σ of the baseline windows and at least the minimum
     * count; 0 otherwise.
     */
    int spikeVolume(Connection connection, String institutionId, UUID watchlistId, UUID exerciseId, AlertRule rule,
            Instant now) throws SQLException {
        Duration window = settings.spike().window();
        int baseline = settings.spike().baselineWindows();
        long[] counts = new long[baseline + 1];
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT floor(extract(epoch FROM (? - published_at)) / ?)::int AS w, count(*)
                  FROM mention_match
                 WHERE watchlist_id = ? AND institution_id = ? AND published_at > ? AND published_at <= ?
                   AND exercise_id IS NOT DISTINCT FROM ?
                 GROUP BY w""")) {
            Timestamp at = Timestamp.from(now);
            statement.setTimestamp(1, at);
            statement.setLong(2, window.toSeconds());
            statement.setObject(3, watchlistId);
            statement.setString(4, institutionId);
            statement.setTimestamp(5, Timestamp.from(now.minus(window.multipliedBy(baseline + 1L))));
            statement.setTimestamp(6, at);
            statement.setObject(7, exerciseId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int w = rows.getInt(1);
                    if (w >= 0 && w <= baseline) {
                        counts[w] = rows.getLong(2);
                    }
                }
            }
        }
        double k = rule.k() == null ? settings.spike().k() : rule.k();
        int minCount = rule.minCount() == null ? settings.spike().minCount() : rule.minCount();
        return isSpike(counts, k, minCount) ? (int) counts[0] : 0;
    }

    /** counts[0] is the last window, counts[1..] the baseline. */
    static boolean isSpike(long[] counts, double k, int minCount) {
        int n = counts.length - 1;
        double mean = 0;
        for (int i = 1; i <= n; i++) {
            mean += counts[i];
        }
        mean /= n;
        double variance = 0;
        for (int i = 1; i <= n; i++) {
            variance += (counts[i] - mean) * (counts[i] - mean);
        }
        double sigma = Math.sqrt(variance / n);
        return counts[0] >= minCount && counts[0] > mean + k * sigma;
    }

    static Instant windowStart(Instant now, Duration window) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
    }

    private static AlertWriter.Write row(Group group, Instant windowStart, int count) {
        Instant firstPublished = group.mentions().stream().map(m -> m.mention().publishedAt()).min(Comparator.naturalOrder())
                .orElse(null);
        Instant firstIngested = group.mentions().stream().map(IngestedMention::ingestedAt).min(Comparator.naturalOrder())
                .orElse(null);
        return new AlertWriter.Write(group.subject(), group.severity(), windowStart,
                group.mentions().stream().map(IngestedMention::id).toList(), count, firstPublished, firstIngested);
    }

    private static AlertWriter.Subject watchlistSubject(RuleType rule, WatchlistSnapshot watchlist, UUID exerciseId) {
        return new AlertWriter.Subject(rule, watchlist.id().toString(), watchlist.id(), null, null, null, watchlist.name(),
                exerciseId);
    }

    /** A repost whose engagement reached the threshold this time, having been under it before. */
    private static boolean crossed(IngestedMention repeat, Long threshold) {
        return threshold != null && repeat.previousEngagement() != null && repeat.previousEngagement() < threshold
                && repeat.mention().engagement() >= threshold;
    }

    private static void add(Map<String, Group> groups, AlertWriter.Subject subject, Severity severity, IngestedMention mention) {
        groups.computeIfAbsent(subject.rule() + "/" + subject.groupKey(), key -> new Group(subject, severity, new ArrayList<>()))
                .mentions().add(mention);
    }
}
