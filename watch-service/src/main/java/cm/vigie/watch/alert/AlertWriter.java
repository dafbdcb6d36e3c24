package cm.vigie.watch.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes alerts on the ingestion path with plain SQL, inside the caller's transaction: one upsert per group (the
 * partial unique index keeps one open alert per rule, subject and window), its mentions, its event, and the
 * webhook deliveries the event owes.
 */
@ApplicationScoped
public class AlertWriter {

    /** What an alert groups on. */
    public record Subject(RuleType rule, String key, UUID watchlistId, UUID hoaxId, String authorHandle, String platform,
            String title) {
    }

    private static final String UPSERT = """
            INSERT INTO alert (id, institution_id, rule_type, subject_key, watchlist_id, hoax_id, author_handle, platform,
                   window_start, severity, status, title, mention_count, first_mention_published_at,
                   first_mention_ingested_at, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT (institution_id, rule_type, subject_key, window_start) WHERE status <> 'RESOLVED' DO UPDATE
               SET mention_count = CASE WHEN ? THEN greatest(alert.mention_count, EXCLUDED.mention_count)
                                        ELSE alert.mention_count + EXCLUDED.mention_count END,
                   first_mention_published_at = least(alert.first_mention_published_at, EXCLUDED.first_mention_published_at),
                   updated_at = EXCLUDED.updated_at,
                   version = alert.version + 1
            RETURNING *, (xmax = 0) AS fresh""";

    private final ObjectMapper json;

    AlertWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Adds mentions to the open alert of this subject and window, opening it if needed.
     *
     * @param count         how many mentions this adds, or the volume itself when {@code absoluteCount}
     * @param absoluteCount SPIKE alerts carry the window's volume rather than a running sum
     */
    public AlertEvent group(Connection connection, String institutionId, Subject subject, Severity severity,
            Instant windowStart, List<UUID> mentionIds, int count, boolean absoluteCount, Instant firstPublished,
            Instant firstIngested, Instant now) throws SQLException {
        AlertView alert;
        boolean fresh;
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            int i = 1;
            statement.setObject(i++, UUID.randomUUID());
            statement.setString(i++, institutionId);
            statement.setString(i++, subject.rule().name());
            statement.setString(i++, subject.key());
            statement.setObject(i++, subject.watchlistId());
            statement.setObject(i++, subject.hoaxId());
            statement.setString(i++, subject.authorHandle());
            statement.setString(i++, subject.platform());
            statement.setTimestamp(i++, Timestamp.from(windowStart));
            statement.setString(i++, severity.name());
            statement.setString(i++, truncate(subject.title(), 500));
            statement.setInt(i++, count);
            statement.setTimestamp(i++, firstPublished == null ? null : Timestamp.from(firstPublished));
            statement.setTimestamp(i++, firstIngested == null ? null : Timestamp.from(firstIngested));
            statement.setTimestamp(i++, Timestamp.from(now));
            statement.setTimestamp(i++, Timestamp.from(now));
            statement.setBoolean(i, absoluteCount);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                alert = AlertView.of(row);
                fresh = row.getBoolean("fresh");
            }
        }
        if (!mentionIds.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO alert_mention (alert_id, mention_id) SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING""")) {
                statement.setObject(1, alert.id());
                statement.setArray(2, connection.createArrayOf("uuid", mentionIds.toArray()));
                statement.executeUpdate();
            }
        }
        return append(connection, institutionId, alert, fresh ? AlertEvent.CREATED : AlertEvent.UPDATED, now);
    }

    /** Records an event of the alert and queues it for every active webhook that wants it. */
    public AlertEvent append(Connection connection, String institutionId, AlertView alert, String type, Instant now)
            throws SQLException {
        String payload;
        try {
            payload = json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long id;
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO alert_event (institution_id, alert_id, event_type, severity, payload, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id""")) {
            statement.setString(1, institutionId);
            statement.setObject(2, alert.id());
            statement.setString(3, type);
            statement.setString(4, alert.severity().name());
            statement.setString(5, payload);
            statement.setTimestamp(6, Timestamp.from(now));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO webhook_delivery (id, institution_id, webhook_id, event_id, event_type, payload, status, attempts,
                       next_attempt_at, created_at)
                SELECT gen_random_uuid(), w.institution_id, w.id, ?, ?, ?::jsonb, 'PENDING', 0, ?, ?
                  FROM webhook w
                 WHERE w.institution_id = ? AND w.active AND jsonb_exists(w.event_types, ?)
                   AND array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL'], w.min_severity)
                       <= array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL'], ?)""")) {
            statement.setLong(1, id);
            statement.setString(2, type);
            statement.setString(3, payload);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setString(6, institutionId);
            statement.setString(7, type);
            statement.setString(8, alert.severity().name());
            statement.executeUpdate();
        }
        return new AlertEvent(id, institutionId, alert.id(), type, alert.severity(), payload, now);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
