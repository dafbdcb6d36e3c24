package cm.vigie.watch.watchlist;

import static cm.vigie.watch.WatchTestSupport.as;
import static cm.vigie.watch.WatchTestSupport.batch;
import static cm.vigie.watch.WatchTestSupport.mention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import cm.vigie.commons.quota.Quotas;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.watch.WatchTestSupport;

/**
 * What another replica writes, on its own JDBC connection: a watchlist row, announced as that replica's code does
 * ({@code ClusterChanges.announce} in the same transaction), or with its notification lost.
 */
final class ReplicaTwo {

    private static final Quotas ROOMY = new Quotas(200, 2000, 200, 20, 500, 50, 5, 3);

    private ReplicaTwo() {
    }

    static String communityManagerOf(String institution) {
        WatchTestSupport.institution(institution, ROOMY);
        return TestTokens.bearer(institution, "cm", "community-manager");
    }

    static void insertWatchlist(Connection connection, UUID id, String institution, String query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO watchlist (id, institution_id, name, query, languages, platforms, severity, active, alert_rules,
                       created_at, updated_at, version)
                VALUES (?, ?, ?, ?, '[]', '[]', 'HIGH', true, '[]', now(), now(), 0)""")) {
            statement.setObject(1, id);
            statement.setString(2, institution);
            statement.setString(3, "Replica 2 " + query);
            statement.setString(4, query);
            statement.executeUpdate();
        }
    }

    /** The version moves as the change commits, but its notification is lost. */
    static void bumpWithoutNotification(Connection connection, String topic, String institution) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO change_version VALUES (?, ?, 1)
                ON CONFLICT (topic, institution_id) DO UPDATE SET version = change_version.version + 1""")) {
            statement.setString(1, topic);
            statement.setString(2, institution);
            statement.executeUpdate();
        }
    }

    static void ingest(String token, String text) {
        as(token).body(batch(mention(null, text, "author_" + UUID.randomUUID().toString().substring(0, 6))))
                .post("/api/watch/mentions/batch").then().statusCode(202);
    }

    static int matched(String token, UUID watchlistId) {
        return as(token).queryParam("watchlistId", watchlistId.toString()).get("/api/watch/mentions").then().statusCode(200)
                .extract().path("total");
    }
}
