package cm.vigie.commons.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The one connection a replica LISTENs on. Only the listening thread touches it. */
final class ListeningConnection implements AutoCloseable {

    /** A received notification. */
    record Received(String channel, String payload) {
    }

    private final Connection connection;
    private final PGConnection pg;

    ListeningConnection(Connection connection) throws SQLException {
        this.connection = connection;
        this.pg = connection.unwrap(PGConnection.class);
        connection.setAutoCommit(true);
    }

    static Connection open(String url, java.util.Properties properties) throws SQLException {
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    void listen(String channel) throws SQLException {
        execute("LISTEN " + ClusterNotifications.quoted(channel));
    }

    void unlisten(String channel) throws SQLException {
        execute("UNLISTEN " + ClusterNotifications.quoted(channel));
    }

    /** Blocks up to {@code timeoutMillis} for notifications; a lost connection throws. */
    List<Received> await(int timeoutMillis) throws SQLException {
        PGNotification[] notifications = pg.getNotifications(timeoutMillis);
        if (notifications == null || notifications.length == 0) {
            return List.of();
        }
        return java.util.Arrays.stream(notifications).map(n -> new Received(n.getName(), n.getParameter())).toList();
    }

    void heartbeat() throws SQLException {
        execute("SELECT 1");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being dropped anyway
        }
    }
}
