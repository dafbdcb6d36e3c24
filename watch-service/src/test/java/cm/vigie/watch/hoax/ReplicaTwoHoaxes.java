package cm.vigie.watch.hoax;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** What another replica writes, on its own JDBC connection: a known hoax and its claim. */
final class ReplicaTwoHoaxes {

    private ReplicaTwoHoaxes() {
    }

    static void insert(Connection connection, UUID id, String institution, boolean shared, String claim) throws SQLException {
        try (PreparedStatement hoax = connection.prepareStatement("""
                INSERT INTO hoax (id, institution_id, verdict, first_seen, shared, created_by, created_at, updated_at, version)
                VALUES (?, ?, 'FALSE', now(), ?, 'replica-2', now(), now(), 0)""");
                PreparedStatement claims = connection.prepareStatement(
                        "INSERT INTO hoax_claim (hoax_id, position, text) VALUES (?, 0, ?)")) {
            hoax.setObject(1, id);
            hoax.setString(2, institution);
            hoax.setBoolean(3, shared);
            hoax.executeUpdate();
            claims.setObject(1, id);
            claims.setString(2, claim);
            claims.executeUpdate();
        }
    }

    /** The version moves as the change commits, but its notification is lost. */
    static void bumpWithoutNotification(Connection connection, String institution) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO change_version VALUES (?, ?, 1)
                ON CONFLICT (topic, institution_id) DO UPDATE SET version = change_version.version + 1""")) {
            statement.setString(1, HoaxDetector.TOPIC);
            statement.setString(2, institution);
            statement.executeUpdate();
        }
    }
}
