package cm.vigie.watch.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

/** Writes rows straight into watch-service's tables, as ingestion and the alert engine would leave them. */
public final class AnalyticsRows {

    private final DataSource dataSource;

    public AnalyticsRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An inactive watchlist (so that no test's ingestion matches it), optionally of an exercise. */
    public UUID watchlist(String institutionId, String name, UUID exerciseId) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO watchlist (id, institution_id, name, query, languages, platforms, severity, active, alert_rules,
                       created_at, updated_at, version, exercise_id)
                VALUES (?, ?, ?, 'vaccin', '[]', '[]', 'HIGH', false, '[]', now(), now(), 0, ?)""", id, institutionId,
                name + " " + id, exerciseId);
        return id;
    }

    /** A stored mention (sentiment -1/0/1 or null) matched by the given watchlists. */
    public UUID mention(String institutionId, Instant publishedAt, Short sentiment, UUID exerciseId, UUID... watchlists) {
        UUID id = UUID.randomUUID();
        update("""
                INSERT INTO mention (id, institution_id, platform, external_id, author_handle, text, text_folded, language,
                       language_detected, published_at, ingested_at, matched_watchlists, hashtags, sentiment, exercise_id)
                VALUES (?, ?, 'FACEBOOK', ?, 'author', 'texte', 'texte', 'fr', false, ?, now(), ?::uuid[], '{}', ?, ?)""",
                id, institutionId, "rows-" + id, Timestamp.from(publishedAt), watchlists, sentiment, exerciseId);
        for (UUID watchlist : watchlists) {
            update("INSERT INTO mention_match (institution_id, watchlist_id, mention_id, published_at, exercise_id) VALUES (?, ?, ?, ?, ?)",
                    institutionId, watchlist, id, Timestamp.from(publishedAt), exerciseId);
        }
        return id;
    }

    /** An alert created at {@code createdAt}, resolved after {@code resolvedAfterMinutes} (null: still open). */
    public UUID alert(String institutionId, UUID watchlistId, String severity, Instant createdAt, Integer resolvedAfterMinutes,
            UUID exerciseId) {
        UUID id = UUID.randomUUID();
        Timestamp resolved = resolvedAfterMinutes == null ? null
                : Timestamp.from(createdAt.plusSeconds(60L * resolvedAfterMinutes));
        update("""
                INSERT INTO alert (id, institution_id, rule_type, subject_key, watchlist_id, window_start, severity, status, title,
                       mention_count, created_at, updated_at, resolved_at, version, exercise_id)
                VALUES (?, ?, 'KEYWORD', ?, ?, ?, ?, ?, 'test alert', 1, ?, ?, ?, 0, ?)""", id, institutionId,
                String.valueOf(watchlistId) + id, watchlistId, Timestamp.from(createdAt), severity,
                resolved == null ? "OPEN" : "RESOLVED", Timestamp.from(createdAt), Timestamp.from(createdAt), resolved, exerciseId);
        return id;
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("uuid", ids));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
