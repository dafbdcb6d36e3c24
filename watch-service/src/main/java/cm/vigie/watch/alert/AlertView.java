package cm.vigie.watch.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert as the API, the stream and webhooks show it. */
@Schema(name = "Alert", description = "Mentions grouped by rule, subject and time window, with their latencies")
public record AlertView(
        @Schema(examples = "5c0f6f1e-8f7a-4a55-9b35-7d0c3c1e2a90") UUID id,
        @Schema(examples = "KEYWORD") RuleType ruleType,
        @Schema(description = "Watchlist of KEYWORD, SPIKE and REACH alerts") UUID watchlistId,
        @Schema(description = "Hoax of HOAX alerts") UUID hoaxId,
        @Schema(description = "Author of IMPERSONATION alerts", examples = "minsante_officiel") String authorHandle,
        @Schema(examples = "FACEBOOK") String platform,
        @Schema(examples = "HIGH") Severity severity,
        @Schema(examples = "OPEN") AlertStatus status,
        @Schema(description = "What the alert is about: the watchlist's name, the hoax, the author", examples = "Vaccination") String title,
        @Schema(examples = "12") int mentionCount,
        @Schema(description = "Start of the grouping window", examples = "2026-11-27T08:00:00Z") Instant windowStart,
        @Schema(examples = "2026-11-27T08:03:10Z") Instant firstMentionPublishedAt,
        @Schema(examples = "2026-11-27T08:03:11Z") Instant firstMentionIngestedAt,
        @Schema(examples = "2026-11-27T08:03:11Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:05:00Z") Instant updatedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        String resolutionNote,
        Latencies latencies,
        @Schema(description = "The exercise this alert belongs to; null for real data") UUID exerciseId,
        @Schema(description = "True when the alert was raised by exercise data, never by real posts", examples = "false") boolean exercise) {

    @Schema(name = "AlertLatencies", description = "Milliseconds between the steps of the alert; null until the step happened")
    public record Latencies(
            @Schema(description = "First mention published → ingested", examples = "950") Long publishedToIngestedMs,
            @Schema(description = "First mention ingested → alert created", examples = "12") Long ingestedToAlertMs,
            @Schema(description = "Alert created → acknowledged", examples = "60000") Long alertToAcknowledgedMs) {
    }

    static AlertView of(Alert a) {
        return new AlertView(a.id, a.ruleType, a.watchlistId, a.hoaxId, a.authorHandle, a.platform, a.severity, a.status,
                a.title, a.mentionCount, a.windowStart, a.firstMentionPublishedAt, a.firstMentionIngestedAt, a.createdAt,
                a.updatedAt, a.acknowledgedAt, a.acknowledgedBy, a.resolvedAt, a.resolvedBy, a.resolutionNote,
                latencies(a.firstMentionPublishedAt, a.firstMentionIngestedAt, a.createdAt, a.acknowledgedAt), a.exerciseId,
                a.exerciseId != null);
    }

    static AlertView of(ResultSet row) throws SQLException {
        Instant published = instant(row.getTimestamp("first_mention_published_at"));
        Instant ingested = instant(row.getTimestamp("first_mention_ingested_at"));
        Instant created = instant(row.getTimestamp("created_at"));
        Instant acknowledged = instant(row.getTimestamp("acknowledged_at"));
        return new AlertView(row.getObject("id", UUID.class), RuleType.valueOf(row.getString("rule_type")),
                row.getObject("watchlist_id", UUID.class), row.getObject("hoax_id", UUID.class),
                row.getString("author_handle"), row.getString("platform"), Severity.valueOf(row.getString("severity")),
                AlertStatus.valueOf(row.getString("status")), row.getString("title"), row.getInt("mention_count"),
                instant(row.getTimestamp("window_start")), published, ingested, created,
                instant(row.getTimestamp("updated_at")), acknowledged, row.getString("acknowledged_by"),
                instant(row.getTimestamp("resolved_at")), row.getString("resolved_by"), row.getString("resolution_note"),
                latencies(published, ingested, created, acknowledged), row.getObject("exercise_id", UUID.class),
                row.getObject("exercise_id") != null);
    }

    private static Latencies latencies(Instant published, Instant ingested, Instant created, Instant acknowledged) {
        return new Latencies(between(published, ingested), between(ingested, created), between(created, acknowledged));
    }

    private static Long between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
