package cm.vigie.watch.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.alert.Severity;

/** Reads the alert events an SSE client missed. */
@ApplicationScoped
public class AlertEventLog {

    static final int MAX_REPLAY = 1_000;

    private final DataSource dataSource;

    AlertEventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Events of the institution after {@code afterId}, oldest first, at most {@link #MAX_REPLAY}. */
    public List<AlertEvent> after(String institutionId, long afterId) {
        List<AlertEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT id, alert_id, event_type, severity, payload::text, created_at FROM alert_event
                         WHERE institution_id = ? AND id > ? ORDER BY id LIMIT ?""")) {
            statement.setString(1, institutionId);
            statement.setLong(2, afterId);
            statement.setInt(3, MAX_REPLAY);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new AlertEvent(rows.getLong(1), institutionId, rows.getObject(2, java.util.UUID.class),
                            rows.getString(3), Severity.valueOf(rows.getString(4)), rows.getString(5),
                            rows.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read alert events", e);
        }
        return events;
    }
}
