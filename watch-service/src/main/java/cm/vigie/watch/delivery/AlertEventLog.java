package cm.vigie.watch.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.alert.Severity;

/**
 * Reads committed alert events in id order, never past the settled id: at or below it, every event is visible now or
 * never will be (V49, docs/adr/0030-live-alerts-across-replicas.md). A stream that only ever sends events up to the
 * settled id, in order, can resume from its Last-Event-ID on any replica without a gap or a repeat.
 */
@ApplicationScoped
public class AlertEventLog {

    /** Events replayed at most on a reconnect (the API documents it). */
    static final int MAX_REPLAY = 1_000;

    private static final String COLUMNS = "SELECT id, institution_id, alert_id, event_type, severity, payload::text, created_at FROM alert_event";

    private final DataSource dataSource;

    AlertEventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The settled id; read it in a statement before the reads it bounds. */
    public long settledId() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT alert_event_settled_id()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the settled alert event id", e);
        }
    }

    /** Events of the institution in ({@code afterId}, {@code upTo}], oldest first, at most {@code limit}. */
    public List<AlertEvent> between(String institutionId, long afterId, long upTo, int limit) {
        return read(COLUMNS + " WHERE institution_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?", statement -> {
            statement.setString(1, institutionId);
            statement.setLong(2, afterId);
            statement.setLong(3, upTo);
            statement.setInt(4, limit);
        });
    }

    /** Events of these institutions in ({@code afterId}, {@code upTo}], oldest first, at most {@code limit}. */
    public List<AlertEvent> between(Collection<String> institutionIds, long afterId, long upTo, int limit) {
        return read(COLUMNS + " WHERE id > ? AND id <= ? AND institution_id = ANY (?) ORDER BY id LIMIT ?", statement -> {
            statement.setLong(1, afterId);
            statement.setLong(2, upTo);
            statement.setArray(3, statement.getConnection().createArrayOf("text", institutionIds.toArray(String[]::new)));
            statement.setInt(4, limit);
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<AlertEvent> read(String sql, Binder binder) {
        List<AlertEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new AlertEvent(rows.getLong(1), rows.getString(2), rows.getObject(3, UUID.class),
                            rows.getString(4), Severity.valueOf(rows.getString(5)), rows.getString(6),
                            rows.getTimestamp(7).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read alert events", e);
        }
        return events;
    }
}
