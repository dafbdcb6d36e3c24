package cm.vigie.watch.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;

/**
 * Aggregates for charts, straight from PostgreSQL: series come from {@code mention_match} (one row per mention and
 * watchlist, indexed by watchlist and time), breakdowns from {@code mention}. Buckets are cut in the caller's time
 * zone (Africa/Douala by default), so a "day" is a local day. Exercise rows never count unless one exercise is asked
 * for, and then only its rows do (ADR 0014).
 */
@ApplicationScoped
public class AnalyticsService {

    private static final List<String> STOPWORDS = List.of("dans", "pour", "avec", "sont", "cette", "mais", "plus", "tout",
            "tous", "leur", "leurs", "nous", "vous", "elle", "elles", "etre", "avoir", "fait", "comme", "sans", "sous",
            "that", "this", "with", "from", "have", "they", "were", "what", "which", "their", "there", "about", "been",
            "will", "would", "your", "just", "https", "http", "www", "com");

    private final DataSource dataSource;
    private final CurrentInstitution institution;

    AnalyticsService(DataSource dataSource, CurrentInstitution institution) {
        this.dataSource = dataSource;
        this.institution = institution;
    }

    public AnalyticsViews.SeriesResponse volume(List<UUID> watchlistIds, AnalyticsRange range, UUID exerciseId) {
        String institutionId = institutionId();
        Map<UUID, String> names = watchlists(institutionId, watchlistIds, exerciseId);
        List<ZonedDateTime> buckets = range.buckets();
        Map<UUID, long[]> counts = new HashMap<>();
        // An index-only scan of mention_match_pkey (V44); each row's bucket is found by binary search among the
        // bucket starts computed here in the caller's zone (DST-correct), cheaper than converting every row's time.
        query(volumeSql(exerciseId), statement -> {
            statement.setArray(1, bucketStarts(statement.getConnection(), buckets));
            statement.setString(2, institutionId);
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", names.keySet().toArray()));
            statement.setTimestamp(4, Timestamp.from(range.from()));
            statement.setTimestamp(5, Timestamp.from(range.to()));
            bindExercise(statement, 6, exerciseId);
        }, rows -> {
            int bucket = rows.getInt(2);
            if (bucket >= 1 && bucket <= buckets.size()) {
                counts.computeIfAbsent(rows.getObject(1, UUID.class), id -> new long[buckets.size()])[bucket - 1] += rows.getLong(3);
            }
        });
        List<AnalyticsViews.Series> series = new ArrayList<>();
        names.forEach((id, name) -> {
            long[] byBucket = counts.getOrDefault(id, new long[buckets.size()]);
            List<AnalyticsViews.Point> points = new ArrayList<>(buckets.size());
            long total = 0;
            for (int i = 0; i < buckets.size(); i++) {
                points.add(new AnalyticsViews.Point(buckets.get(i).toOffsetDateTime(), byBucket[i]));
                total += byBucket[i];
            }
            series.add(new AnalyticsViews.Series(id, name, total, points));
        });
        return new AnalyticsViews.SeriesResponse(range.interval(), range.zone().getId(), series);
    }

    /** Bound as: bucket starts, institution, watchlist ids, from, to, then the exercise when one is asked for. */
    static String volumeSql(UUID exerciseId) {
        return """
                SELECT watchlist_id, width_bucket(published_at, ?::timestamptz[]) AS bucket, count(*)
                  FROM mention_match
                 WHERE institution_id = ? AND watchlist_id = ANY (?::uuid[]) AND published_at >= ? AND published_at < ? AND %s
                 GROUP BY 1, 2""".formatted(exercise("exercise_id", exerciseId));
    }

    /** The bucket starts as a {@code timestamptz[]} for {@code width_bucket}: bucket i (1-based) starts at element i. */
    static java.sql.Array bucketStarts(Connection connection, List<ZonedDateTime> buckets) throws SQLException {
        Object[] starts = new Object[buckets.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = buckets.get(i).toOffsetDateTime().toString();
        }
        return connection.createArrayOf("timestamptz", starts);
    }

    public AnalyticsViews.SeriesResponse hoaxes(UUID hoaxId, AnalyticsRange range, UUID exerciseId) {
        String institutionId = institutionId();
        Map<UUID, Map<Long, Long>> counts = new LinkedHashMap<>();
        String sql = """
                SELECT h.hoax, (date_trunc('%s', m.published_at AT TIME ZONE ?) AT TIME ZONE ?) AS bucket, count(*)
                  FROM mention m, unnest(m.hoax_ids) AS h(hoax)
                 WHERE m.institution_id = ? AND cardinality(m.hoax_ids) > 0 AND m.published_at >= ? AND m.published_at < ?
                   AND (?::uuid IS NULL OR h.hoax = ?::uuid) AND %s
                 GROUP BY 1, 2 ORDER BY 1""".formatted(range.interval().sqlField, exercise("m.exercise_id", exerciseId));
        query(sql, statement -> {
            statement.setString(1, range.zone().getId());
            statement.setString(2, range.zone().getId());
            statement.setString(3, institutionId);
            statement.setTimestamp(4, Timestamp.from(range.from()));
            statement.setTimestamp(5, Timestamp.from(range.to()));
            statement.setObject(6, hoaxId);
            statement.setObject(7, hoaxId);
            bindExercise(statement, 8, exerciseId);
        }, rows -> counts.computeIfAbsent(rows.getObject(1, UUID.class), id -> new HashMap<>())
                .put(rows.getTimestamp(2).toInstant().toEpochMilli(), rows.getLong(3)));
        List<AnalyticsViews.Series> series = new ArrayList<>();
        counts.forEach((id, byBucket) -> series.add(series(id, null, byBucket, range)));
        return new AnalyticsViews.SeriesResponse(range.interval(), range.zone().getId(), series);
    }

    public AnalyticsViews.CountResponse platforms(UUID watchlistId, AnalyticsRange range, UUID exerciseId) {
        return counts("SELECT platform, count(*) FROM mention WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1", watchlistId, range,
                exerciseId);
    }

    public AnalyticsViews.CountResponse hashtags(UUID watchlistId, AnalyticsRange range, int limit, UUID exerciseId) {
        return counts("SELECT tag, count(*) FROM mention, unnest(hashtags) AS t(tag) WHERE %s AND cardinality(hashtags) > 0"
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + limit, watchlistId, range, exerciseId);
    }

    /** Frequent words of the 20,000 newest mentions of the range, accents folded, short and common words left out. */
    public AnalyticsViews.CountResponse terms(UUID watchlistId, AnalyticsRange range, int limit, UUID exerciseId) {
        String institutionId = institutionId();
        List<AnalyticsViews.CountItem> items = new ArrayList<>();
        String sql = """
                SELECT word, count(*) FROM (
                    SELECT text_folded FROM mention WHERE %s ORDER BY published_at DESC LIMIT 20000) recent,
                    regexp_split_to_table(recent.text_folded, '[^a-z0-9_]+') AS word
                 WHERE length(word) >= 4 AND word !~ '^[0-9]+$' AND word <> ALL (?::text[])
                 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?""".formatted(where(watchlistId, exerciseId));
        query(sql, statement -> {
            int i = bindWhere(statement, institutionId, watchlistId, range, exerciseId);
            statement.setArray(i++, statement.getConnection().createArrayOf("text", STOPWORDS.toArray()));
            statement.setInt(i, limit);
        }, rows -> items.add(new AnalyticsViews.CountItem(rows.getString(1), rows.getLong(2))));
        return new AnalyticsViews.CountResponse(items);
    }

    public AnalyticsViews.AuthorsResponse authors(UUID watchlistId, AnalyticsRange range, int limit, UUID exerciseId) {
        String institutionId = institutionId();
        List<AnalyticsViews.Author> items = new ArrayList<>();
        String sql = """
                SELECT platform, author_handle, max(author_name), count(*), sum(likes + shares + comments)
                  FROM mention WHERE %s AND author_handle IS NOT NULL
                 GROUP BY 1, 2 ORDER BY 4 DESC, 5 DESC, 2 LIMIT ?""".formatted(where(watchlistId, exerciseId));
        query(sql, statement -> {
            int i = bindWhere(statement, institutionId, watchlistId, range, exerciseId);
            statement.setInt(i, limit);
        }, rows -> items.add(new AnalyticsViews.Author(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                rows.getLong(5))));
        return new AnalyticsViews.AuthorsResponse(items);
    }

    public AnalyticsViews.ShareResponse shareOfVoice(List<UUID> watchlistIds, AnalyticsRange range, UUID exerciseId) {
        String institutionId = institutionId();
        Map<UUID, String> names = watchlists(institutionId, watchlistIds, exerciseId);
        Map<UUID, Long> counts = new HashMap<>();
        query("""
                SELECT watchlist_id, count(*) FROM mention_match
                 WHERE institution_id = ? AND watchlist_id = ANY (?::uuid[]) AND published_at >= ? AND published_at < ? AND %s
                 GROUP BY 1""".formatted(exercise("exercise_id", exerciseId)), statement -> {
            statement.setString(1, institutionId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", names.keySet().toArray()));
            statement.setTimestamp(3, Timestamp.from(range.from()));
            statement.setTimestamp(4, Timestamp.from(range.to()));
            bindExercise(statement, 5, exerciseId);
        }, rows -> counts.put(rows.getObject(1, UUID.class), rows.getLong(2)));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<AnalyticsViews.Share> items = new ArrayList<>();
        names.forEach((id, name) -> {
            long count = counts.getOrDefault(id, 0L);
            items.add(new AnalyticsViews.Share(id, name, count, total == 0 ? 0 : (double) count / total));
        });
        items.sort((a, b) -> Long.compare(b.count(), a.count()));
        return new AnalyticsViews.ShareResponse(total, items);
    }

    private AnalyticsViews.CountResponse counts(String template, UUID watchlistId, AnalyticsRange range, UUID exerciseId) {
        String institutionId = institutionId();
        List<AnalyticsViews.CountItem> items = new ArrayList<>();
        query(template.formatted(where(watchlistId, exerciseId)),
                statement -> bindWhere(statement, institutionId, watchlistId, range, exerciseId),
                rows -> items.add(new AnalyticsViews.CountItem(rows.getString(1), rows.getLong(2))));
        return new AnalyticsViews.CountResponse(items);
    }

    static String where(UUID watchlistId, UUID exerciseId) {
        return "institution_id = ? AND published_at >= ? AND published_at < ? AND " + exercise("exercise_id", exerciseId)
                + (watchlistId == null ? "" : " AND (id, published_at) IN (SELECT mention_id, published_at FROM mention_match"
                        + " WHERE watchlist_id = ?::uuid AND published_at >= ? AND published_at < ?)");
    }

    static int bindWhere(PreparedStatement statement, String institutionId, UUID watchlistId, AnalyticsRange range,
            UUID exerciseId) throws SQLException {
        int i = 1;
        statement.setString(i++, institutionId);
        statement.setTimestamp(i++, Timestamp.from(range.from()));
        statement.setTimestamp(i++, Timestamp.from(range.to()));
        i = bindExercise(statement, i, exerciseId);
        if (watchlistId != null) {
            statement.setString(i++, watchlistId.toString());
            statement.setTimestamp(i++, Timestamp.from(range.from()));
            statement.setTimestamp(i++, Timestamp.from(range.to()));
        }
        return i;
    }

    /**
     * Real data only unless one exercise is asked for. Written literally ({@code IS NULL}), not as
     * {@code IS NOT DISTINCT FROM ?}, so that the planner proves the predicate of V40's partial indexes.
     */
    static String exercise(String column, UUID exerciseId) {
        return exerciseId == null ? column + " IS NULL" : column + " = ?";
    }

    /** Binds the exercise id at {@code index} when {@link #exercise} wrote a placeholder; answers the next index. */
    static int bindExercise(PreparedStatement statement, int index, UUID exerciseId) throws SQLException {
        if (exerciseId == null) {
            return index;
        }
        statement.setObject(index, exerciseId);
        return index + 1;
    }

    /**
     * The named watchlists of the institution (404 for one it does not have), or, when none is named, its real ones
     * (one exercise's when an exercise is asked for).
     */
    Map<UUID, String> watchlists(String institutionId, List<UUID> ids, UUID exerciseId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        String sql = """
                SELECT id, name FROM watchlist WHERE institution_id = ?
                   AND (id = ANY (?::uuid[]) OR (cardinality(?::uuid[]) = 0 AND %s)) ORDER BY name"""
                .formatted(exercise("exercise_id", exerciseId));
        query(sql, statement -> {
            statement.setString(1, institutionId);
            var array = statement.getConnection().createArrayOf("uuid", ids.toArray());
            statement.setArray(2, array);
            statement.setArray(3, array);
            bindExercise(statement, 4, exerciseId);
        }, rows -> names.put(rows.getObject(1, UUID.class), rows.getString(2)));
        if (names.size() < ids.stream().distinct().count()) {
            throw ProblemException.notFound("watchlist.not-found");
        }
        return names;
    }

    private static AnalyticsViews.Series series(UUID id, String name, Map<Long, Long> counts, AnalyticsRange range) {
        List<AnalyticsViews.Point> points = new ArrayList<>();
        long total = 0;
        for (ZonedDateTime bucket : range.buckets()) {
            long count = counts.getOrDefault(bucket.toInstant().toEpochMilli(), 0L);
            total += count;
            points.add(new AnalyticsViews.Point(bucket.toOffsetDateTime(), count));
        }
        return new AnalyticsViews.Series(id, name, total, points);
    }

    String institutionId() {
        return institution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
