package cm.vigie.watch.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Enforces institutions' shorter periods (ADR 0031): their mentions published before their own horizon are deleted
 * in small batches, each its own short transaction that locks only the rows it deletes and skips rows a triage
 * holds, with a pause between batches; the partitions of other institutions' mentions, and ingestion, never wait on
 * it. The months past the platform's period are dropped whole by {@link MentionPartitions}, never here.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    // The batch's mentions and their matches go in one statement; matches are found by their primary key
    // (watchlist, published_at, mention), never by a scan.
    private static final String BATCH = """
            WITH doomed AS (
                SELECT id, published_at FROM mention
                 WHERE institution_id = ? AND published_at < ?
                 LIMIT ? FOR UPDATE SKIP LOCKED),
            gone AS (
                DELETE FROM mention m USING doomed d
                 WHERE m.institution_id = ? AND m.id = d.id AND m.published_at = d.published_at AND m.published_at < ?
                RETURNING m.id, m.published_at, m.matched_watchlists),
            matches AS (
                DELETE FROM mention_match mm USING gone g, unnest(g.matched_watchlists) AS w(id)
                 WHERE mm.watchlist_id = w.id AND mm.published_at = g.published_at AND mm.mention_id = g.id
                   AND mm.published_at < ?)
            SELECT count(*) FROM gone""";

    private final DataSource dataSource;
    private final RetentionSettings settings;
    private final RetentionRepository repository;

    RetentionPurge(DataSource dataSource, RetentionSettings settings, RetentionRepository repository) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.repository = repository;
    }

    /** Purges every institution with a shorter period; answers the mentions deleted by institution. */
    public Map<String, Long> run(Instant now) {
        Map<String, Long> deleted = new java.util.LinkedHashMap<>();
        repository.shorterThan(settings.months()).forEach((institutionId, months) -> {
            long count = purge(institutionId, now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant());
            if (count > 0) {
                LOG.infof("retention of %s (%d months): %d mentions deleted", institutionId, months, count);
            }
            deleted.put(institutionId, count);
        });
        return deleted;
    }

    /** Deletes the institution's mentions published before {@code horizon}, batch after batch. */
    public long purge(String institutionId, Instant horizon) {
        long total = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(BATCH)) {
            connection.setAutoCommit(true);
            Timestamp before = Timestamp.from(horizon);
            while (true) {
                statement.setString(1, institutionId);
                statement.setTimestamp(2, before);
                statement.setInt(3, settings.purgeBatch());
                statement.setString(4, institutionId);
                statement.setTimestamp(5, before);
                statement.setTimestamp(6, before);
                long batch;
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    batch = rows.getLong(1);
                }
                total += batch;
                if (batch < settings.purgeBatch()) {
                    return total;
                }
                Thread.sleep(settings.purgePause().toMillis());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return total;
        }
    }
}
