package cm.vigie.watch.source;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Collection state of sources, and the reads that connectors need outside any caller's tenant: the poller works for
 * every institution, and webhooks arrive without a token. Plain JDBC: inside a transaction the connection joins it.
 */
@ApplicationScoped
public class SourceStatusStore {

    private static final String SETTINGS = "s.id, s.institution_id, s.type, s.name, s.url, s.account, s.secret, s.verify_token";

    /** A source the poller claimed, with what it needs to poll it. */
    public record Due(SourceSettings settings, Cursor cursor, int consecutiveFailures, int pollIntervalMinutes) {
    }

    private final DataSource dataSource;

    SourceStatusStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(UUID sourceId, Instant nextPollAt) {
        update("INSERT INTO source_status (source_id, next_poll_at) VALUES (?, ?)", sourceId, nextPollAt);
    }

    /** After an edit: poll soon, and forget the validators of a feed whose URL may have changed. */
    void reset(UUID sourceId, Instant nextPollAt, boolean forgetCursor) {
        update(forgetCursor
                ? "UPDATE source_status SET next_poll_at = ?, etag = NULL, last_modified = NULL, cursor = NULL, consecutive_failures = 0 WHERE source_id = ?"
                : "UPDATE source_status SET next_poll_at = ? WHERE source_id = ?", nextPollAt, sourceId);
    }

    Map<UUID, SourceStatusView> statuses(Collection<UUID> ids) {
        Map<UUID, SourceStatusView> statuses = new HashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT source_id, next_poll_at, last_polled_at, last_success_at, last_error_at, last_error,
                        consecutive_failures, items_collected FROM source_status WHERE source_id = ANY (?)""")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            select.setArray(1, array);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    statuses.put(row.getObject(1, UUID.class), new SourceStatusView(instant(row, 2), instant(row, 3),
                            instant(row, 4), instant(row, 5), row.getString(6), row.getInt(7), row.getLong(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    /** Any institution's source, by id: for push connectors, whose callers carry no token. */
    public Optional<SourceSettings> find(UUID id, boolean activeOnly) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + SETTINGS + " FROM source s WHERE s.id = ?"
                        + (activeOnly ? " AND s.active" : ""))) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(settings(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reserves up to {@code limit} active sources of the given types whose poll is due, by pushing their next poll to
     * {@code leaseUntil}; concurrent pollers (other replicas) skip the rows another one holds.
     */
    List<Due> claimDue(Collection<String> types, Collection<String> skippedInstitutions, int limit, Instant now,
            Instant leaseUntil) {
        List<Due> due = new ArrayList<>();
        if (types.isEmpty()) {
            return due;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("""
                        UPDATE source_status st SET next_poll_at = ? FROM (
                            SELECT d.source_id FROM source_status d JOIN source s ON s.id = d.source_id
                            WHERE s.active AND s.type = ANY (?) AND s.institution_id <> ALL (?) AND d.next_poll_at <= ?
                            ORDER BY d.next_poll_at LIMIT ? FOR UPDATE OF d SKIP LOCKED) claimed
                        WHERE st.source_id = claimed.source_id
                        RETURNING st.source_id""")) {
            claim.setTimestamp(1, Timestamp.from(leaseUntil));
            claim.setArray(2, connection.createArrayOf("varchar", types.toArray()));
            claim.setArray(3, connection.createArrayOf("varchar", skippedInstitutions.toArray()));
            claim.setTimestamp(4, Timestamp.from(now));
            claim.setInt(5, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
            for (UUID id : ids) {
                load(connection, id).ifPresent(due::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return due;
    }

    /** One source, to poll it now whatever its schedule. */
    Optional<Due> due(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            return load(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void recordSuccess(UUID id, Instant at, long collected, Cursor cursor, Instant next) {
        update("""
                UPDATE source_status SET last_polled_at = ?, last_success_at = ?, last_error = NULL, consecutive_failures = 0,
                items_collected = items_collected + ?, etag = ?, last_modified = ?, cursor = ?, next_poll_at = ?
                WHERE source_id = ?""", at, at, collected, cursor.etag(), cursor.lastModified(), cursor.position(), next, id);
    }

    void recordFailure(UUID id, Instant at, String error, Instant next) {
        update("""
                UPDATE source_status SET last_polled_at = ?, last_error_at = ?, last_error = ?,
                consecutive_failures = consecutive_failures + 1, next_poll_at = ? WHERE source_id = ?""",
                at, at, truncate(error), next, id);
    }

    /** A push (webhook) delivery that was verified and ingested. */
    public void recordPush(UUID id, Instant at, long collected) {
        update("""
                UPDATE source_status SET last_success_at = ?, last_error = NULL, consecutive_failures = 0,
                items_collected = items_collected + ? WHERE source_id = ?""", at, collected, id);
    }

    private Optional<Due> load(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + SETTINGS
                + ", st.etag, st.last_modified, st.cursor, st.consecutive_failures, s.poll_interval_minutes"
                + " FROM source s JOIN source_status st ON st.source_id = s.id WHERE s.id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Due(settings(row), new Cursor(row.getString(9), row.getString(10), row.getString(11)),
                        row.getInt(12), row.getInt(13)));
            }
        }
    }

    private static SourceSettings settings(ResultSet row) throws SQLException {
        return new SourceSettings(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8));
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String error) {
        String message = error == null ? "unknown error" : error;
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }
}
