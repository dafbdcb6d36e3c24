package cm.vigie.watch.hoax;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.watch.hoax.similarity.NearDuplicateIndex;

/**
 * Reads claims straight from the database, outside any caller's transaction or tenant: the detector serves ingestion,
 * connectors and jobs alike, and the shared registry spans institutions.
 */
@ApplicationScoped
class HoaxIndexLoader {

    private static final String OWN = """
            SELECT c.hoax_id, c.text FROM hoax_claim c JOIN hoax h ON h.id = c.hoax_id
            WHERE h.institution_id = ? ORDER BY c.hoax_id, c.position""";
    private static final String PUBLISHED = """
            SELECT c.hoax_id, c.text FROM hoax_claim c JOIN hoax h ON h.id = c.hoax_id
            WHERE h.shared AND h.withdrawn_at IS NULL AND h.exercise_id IS NULL ORDER BY c.hoax_id, c.position""";

    private final DataSource dataSource;
    private final HoaxSettings settings;

    HoaxIndexLoader(DataSource dataSource, HoaxSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    NearDuplicateIndex<UUID> own(String institutionId) {
        return load(OWN, institutionId);
    }

    NearDuplicateIndex<UUID> published() {
        return load(PUBLISHED, null);
    }

    private NearDuplicateIndex<UUID> load(String sql, String institutionId) {
        NearDuplicateIndex.Builder<UUID> builder = NearDuplicateIndex.builder(settings.index());
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (institutionId != null) {
                statement.setString(1, institutionId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    builder.add(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the known hoaxes", e);
        }
        return builder.build();
    }
}
