package cm.vigie.watch.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Institutions' own retention periods ({@code mention_retention}, V50); every statement names its institution. */
@ApplicationScoped
public class RetentionRepository {

    /** An institution's setting: {@code months} null means the platform's period. */
    public record Row(Integer months, Instant updatedAt, String updatedBy, long version) {
    }

    private final DataSource dataSource;

    RetentionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Row> find(String institutionId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT months, updated_at, updated_by, version FROM mention_retention WHERE institution_id = ?")) {
            statement.setString(1, institutionId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the setting if it is still at {@code expectedVersion} (0: never set); empty when it changed meanwhile. */
    public Optional<Row> write(String institutionId, Integer months, long expectedVersion, String actor, Instant now) {
        String sql = expectedVersion == 0 ? """
                INSERT INTO mention_retention (institution_id, months, updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, 1) ON CONFLICT (institution_id) DO NOTHING
                RETURNING months, updated_at, updated_by, version""" : """
                UPDATE mention_retention SET months = ?, updated_at = ?, updated_by = ?, version = version + 1
                 WHERE institution_id = ? AND version = ?
                RETURNING months, updated_at, updated_by, version""";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (expectedVersion == 0) {
                statement.setString(1, institutionId);
                statement.setObject(2, months, java.sql.Types.INTEGER);
                statement.setTimestamp(3, Timestamp.from(now));
                statement.setString(4, actor);
            } else {
                statement.setObject(1, months, java.sql.Types.INTEGER);
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setString(3, actor);
                statement.setString(4, institutionId);
                statement.setLong(5, expectedVersion);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Institutions keeping mentions for fewer months than {@code platformMonths}, with their period. */
    public Map<String, Integer> shorterThan(int platformMonths) {
        Map<String, Integer> shorter = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT institution_id, months FROM mention_retention WHERE months < ? ORDER BY institution_id")) {
            statement.setInt(1, platformMonths);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    shorter.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return shorter;
    }

    private static Row row(ResultSet rows) throws SQLException {
        int months = rows.getInt(1);
        Integer set = rows.wasNull() ? null : months;
        return new Row(set, rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getLong(4));
    }
}
