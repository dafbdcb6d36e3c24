package cm.vigie.watch.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.cluster.ClusterNotifications;

/**
 * Writes alerts on the ingestion path with plain SQL, inside the caller's transaction: one upsert per group (the
 * partial unique index keeps one open alert per rule, subject and window), then one statement for its mentions, its
 * event and the webhook deliveries the event owes.
 */
@ApplicationScoped
public class AlertWriter {

    /** What an alert groups on; an exercise's alerts group apart from real ones and from other exercises'. */
    public record Subject(RuleType rule, String key, UUID watchlistId, UUID hoaxId, String authorHandle, String platform,
            String title, UUID exerciseId) {

        /** The stored subject_key: the subject, plus the exercise for exercise data. */
        public String groupKey() {
            return exerciseId == null ? key : key + "@exercise:" + exerciseId;
        }
    }

    /**
     * One alert upsert for a whole batch. Rows are inserted, and so locked, in the order given (callers sort them):
     * concurrent batches then never deadlock. SPIKE alerts carry the window's volume, the others a running sum.
     */
    private static final String UPSERT = """
            INSERT INTO alert (id, institution_id, rule_type, subject_key, watchlist_id, hoax_id, author_handle, platform,
                   window_start, severity, status, title, mention_count, first_mention_published_at,
                   first_mention_ingested_at, created_at, updated_at, version, exercise_id)
            SELECT u.id::uuid, ?, u.rule_type, u.subject_key, u.watchlist_id::uuid, u.hoax_id::uuid, u.author_handle,
                   u.platform, u.window_start::timestamptz, u.severity, 'OPEN', u.title, u.mention_count::int,
                   u.first_published::timestamptz, u.first_ingested::timestamptz, ?, ?, 0, u.exercise_id::uuid
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                   AS u(id, rule_type, subject_key, watchlist_id, hoax_id, author_handle, platform, window_start, severity,
                        title, mention_count, first_published, first_ingested, exercise_id, ord)
             ORDER BY u.ord
            ON CONFLICT (institution_id, rule_type, subject_key, window_start) WHERE status <> 'RESOLVED' DO UPDATE
               SET mention_count = CASE WHEN EXCLUDED.rule_type = 'SPIKE' THEN greatest(alert.mention_count, EXCLUDED.mention_count)
                                        ELSE alert.mention_count + EXCLUDED.mention_count END,
                   first_mention_published_at = least(alert.first_mention_published_at, EXCLUDED.first_mention_published_at),
                   updated_at = EXCLUDED.updated_at,
                   version = alert.version + 1
            RETURNING *, (xmax = 0) AS fresh""";

    // One row per alert and batch with the batch's mention ids (V43): a row per mention cost ~8 rows and index entries
    // per ingested mention with broad watchlists.
    private static final String LINK = """
            INSERT INTO alert_mention_set (alert_id, mention_ids)
            SELECT u.a::uuid, u.m::uuid[] FROM unnest(?::text[], ?::text[]) AS u(a, m)""";

    // Events, and the webhook deliveries they owe, in one statement; ids follow the order given.
    private static final String EVENTS = """
            WITH event AS (
                 INSERT INTO alert_event (institution_id, alert_id, event_type, severity, payload, created_at)
                 SELECT ?, u.a::uuid, u.t, u.s, u.p::jsonb, ?
                   FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(a, t, s, p, ord)
                  ORDER BY u.ord
                 RETURNING id, institution_id, alert_id, event_type, severity, payload, created_at),
                 queued AS (
                 INSERT INTO webhook_delivery (id, institution_id, webhook_id, event_id, event_type, payload, status, attempts,
                        next_attempt_at, created_at)
                 SELECT gen_random_uuid(), w.institution_id, w.id, e.id, e.event_type, e.payload, 'PENDING', 0, e.created_at,
                        e.created_at
                   FROM event e JOIN webhook w ON w.institution_id = e.institution_id
                  WHERE w.active AND jsonb_exists(w.event_types, e.event_type)
                    AND w.exercise = (e.payload->>'exerciseId' IS NOT NULL)
                    AND array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL'], w.min_severity)
                        <= array_position(ARRAY['LOW','MEDIUM','HIGH','CRITICAL'], e.severity))
            SELECT id, alert_id FROM event""";

    private final ObjectMapper json;

    AlertWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Mentions to add to the open alert of a subject and window (opened if needed).
     *
     * @param count how many mentions this adds; for SPIKE, the window's volume itself
     */
    public record Write(Subject subject, Severity severity, Instant windowStart, List<UUID> mentionIds, int count,
            Instant firstPublished, Instant firstIngested) {
    }

    /** Adds mentions to the open alert of this subject and window, opening it if needed. */
    public AlertEvent group(Connection connection, String institutionId, Subject subject, Severity severity,
            Instant windowStart, List<UUID> mentionIds, int count, Instant firstPublished, Instant firstIngested,
            Instant now) throws SQLException {
        return groupAll(connection, institutionId,
                List.of(new Write(subject, severity, windowStart, mentionIds, count, firstPublished, firstIngested)), now)
                .get(0);
    }

    /**
     * Applies a batch's alert writes in three statements whatever their number (upsert, mention links, events with
     * their webhook deliveries): the alert rows stay locked until commit and concurrent batches queue on them, so
     * round trips saved here shorten that queue. The writes must be distinct by (rule, subject, window) and sorted.
     * Answers one event per write, in order.
     */
    public List<AlertEvent> groupAll(Connection connection, String institutionId, List<Write> writes, Instant now)
            throws SQLException {
        if (writes.isEmpty()) {
            return List.of();
        }
        int n = writes.size();
        String[][] columns = new String[14][n];
        for (int w = 0; w < n; w++) {
            fill(columns, w, writes.get(w));
        }
        java.util.Map<String, AlertView> alerts = new java.util.HashMap<>();
        java.util.Map<String, Boolean> fresh = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, institutionId);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now));
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(4 + c, connection.createArrayOf("text", columns[c]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString("rule_type") + "/" + rows.getString("subject_key") + "/"
                            + rows.getTimestamp("window_start").toInstant();
                    alerts.put(key, AlertView.of(rows));
                    fresh.put(key, rows.getBoolean("fresh"));
                }
            }
        }
        List<AlertView> ordered = new ArrayList<>(n);
        List<String> links = new ArrayList<>(n);
        List<String> linked = new ArrayList<>(n);
        for (Write write : writes) {
            String key = write.subject().rule().name() + "/" + write.subject().groupKey() + "/" + write.windowStart();
            AlertView alert = alerts.get(key);
            if (alert == null) {
                throw new IllegalStateException("alert upsert returned no row for " + key);
            }
            ordered.add(alert);
            link(alert.id().toString(), write.mentionIds(), links, linked);
        }
        if (!links.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(LINK)) {
                statement.setArray(1, connection.createArrayOf("text", links.toArray(String[]::new)));
                statement.setArray(2, connection.createArrayOf("text", linked.toArray(String[]::new)));
                statement.executeUpdate();
            }
        }
        List<String> types = new ArrayList<>(n);
        for (Write write : writes) {
            String key = write.subject().rule().name() + "/" + write.subject().groupKey() + "/" + write.windowStart();
            types.add(fresh.get(key) ? AlertEvent.CREATED : AlertEvent.UPDATED);
        }
        return events(connection, institutionId, ordered, types, now);
    }

    // Per-row work in methods of its own: compiled once, while the batch loops around them stay small for the JIT.

    private static void fill(String[][] columns, int w, Write write) {
        Subject subject = write.subject();
        String[] row = { UUID.randomUUID().toString(), subject.rule().name(), subject.groupKey(),
                text(subject.watchlistId()), text(subject.hoaxId()), subject.authorHandle(), subject.platform(),
                write.windowStart().toString(), write.severity().name(), truncate(subject.title(), 500),
                Integer.toString(write.count()), text(write.firstPublished()), text(write.firstIngested()),
                text(subject.exerciseId()) };
        for (int c = 0; c < row.length; c++) {
            columns[c][w] = row[c];
        }
    }

    private static void link(String alertId, List<UUID> mentionIds, List<String> links, List<String> linked) {
        if (mentionIds.isEmpty()) {
            return;
        }
        StringBuilder ids = new StringBuilder(mentionIds.size() * 37 + 2).append('{');
        for (UUID mention : new LinkedHashSet<>(mentionIds)) {
            if (ids.length() > 1) {
                ids.append(',');
            }
            ids.append(mention);
        }
        links.add(alertId);
        linked.add(ids.append('}').toString());
    }

    /** Records an event of the alert and queues it for every active webhook that wants it. */
    public AlertEvent append(Connection connection, String institutionId, AlertView alert, String type, Instant now)
            throws SQLException {
        return events(connection, institutionId, List.of(alert), List.of(type), now).get(0);
    }

    private List<AlertEvent> events(Connection connection, String institutionId, List<AlertView> alerts, List<String> types,
            Instant now) throws SQLException {
        int n = alerts.size();
        String[] ids = new String[n];
        String[] severities = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            AlertView alert = alerts.get(i);
            ids[i] = alert.id().toString();
            severities[i] = alert.severity().name();
            try {
                payloads[i] = json.writeValueAsString(alert);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        java.util.Map<UUID, Long> eventIds = new java.util.HashMap<>();
        // the insert's trigger (V49) holds the events' place in the settled order until this transaction ends
        try (PreparedStatement statement = connection.prepareStatement(EVENTS)) {
            statement.setString(1, institutionId);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setArray(3, connection.createArrayOf("text", ids));
            statement.setArray(4, connection.createArrayOf("text", types.toArray(String[]::new)));
            statement.setArray(5, connection.createArrayOf("text", severities));
            statement.setArray(6, connection.createArrayOf("text", payloads));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    eventIds.put(rows.getObject(2, UUID.class), rows.getLong(1));
                }
            }
        }
        // delivered once committed, to every replica's stream feed (PostgreSQL folds repeats within the transaction)
        ClusterNotifications.send(connection, AlertEvent.CHANNEL, institutionId);
        List<AlertEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AlertView alert = alerts.get(i);
            events.add(new AlertEvent(eventIds.get(alert.id()), institutionId, alert.id(), types.get(i), alert.severity(),
                    payloads[i], now));
        }
        return events;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
