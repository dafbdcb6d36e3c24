package cm.vigie.watch.mention;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.paging.Sorting;
import cm.vigie.watch.sentiment.Sentiment;

/**
 * Mention queries in SQL (full-text search, array filters). Hibernate's tenant filter does not apply to SQL, so
 * every statement here names the institution explicitly.
 */
@ApplicationScoped
public class MentionRepository {

    private static final String COLUMNS = """
            id, platform, external_id, url, author_handle, author_name, author_followers, author_created_at, text,
            language, language_detected, published_at, ingested_at, likes, shares, comments, views, in_reply_to,
            matched_watchlists, hoax_matches::text AS hoax_matches, hashtags, status, assignee, note, triaged_by, triaged_at,
            sentiment, exercise_id""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    MentionRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A page of mentions; {@code total} is a lower bound when {@code totalExact} is false. */
    public record Page(List<MentionView> items, long total, boolean totalExact) {
    }

    record Where(String sql, List<Object> parameters) {
    }

    public Optional<MentionView> find(String institutionId, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM mention WHERE institution_id = ? AND id = ?")) {
            statement.setString(1, institutionId);
            statement.setObject(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(view(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One page of the institution's mentions and their total, counted up to {@code countLimit}. A page that is not full
     * already tells the total, so only full pages count, and never more than {@code countLimit + 1} rows.
     */
    public Page search(String institutionId, MentionFilter filter, Sorting sorting, int offset, int limit, int countLimit) {
        Where where = where(institutionId, filter);
        try (Connection connection = dataSource.getConnection()) {
            List<MentionView> items = items(connection, where, sorting, offset, limit);
            if (items.size() < limit && (offset == 0 || !items.isEmpty())) {
                return new Page(items, offset + items.size(), true);
            }
            long counted = count(connection, where, countLimit + 1);
            return counted > countLimit ? new Page(items, countLimit, false) : new Page(items, counted, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mentions published since {@code since}, newest first, for dry runs. */
    public List<MentionView> since(String institutionId, Instant since, int limit) {
        MentionFilter filter = new MentionFilter();
        filter.from = since;
        try (Connection connection = dataSource.getConnection()) {
            return items(connection, where(institutionId, filter), new Sorting("published_at", false), 0, limit);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ties break on id in the sort's direction, so that one index (V42) serves each sort in order. */
    static String orderBy(Sorting sorting) {
        String direction = sorting.ascending() ? " ASC" : " DESC";
        String key = sorting.property().equals("engagement") ? "(likes + shares + comments)" : sorting.property();
        return key + direction + ", id" + direction;
    }

    private List<MentionView> items(Connection connection, Where where, Sorting sorting, int offset, int limit)
            throws SQLException {
        List<MentionView> items = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM mention WHERE "
                + where.sql() + " ORDER BY " + orderBy(sorting) + " LIMIT ? OFFSET ?")) {
            int i = bind(statement, where.parameters());
            statement.setInt(i++, limit);
            statement.setInt(i, offset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(view(rows));
                }
            }
        }
        return items;
    }

    private long count(Connection connection, Where where, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM mention WHERE " + where.sql() + " LIMIT ?) AS matching")) {
            int i = bind(statement, where.parameters());
            statement.setInt(i, limit);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Sets the triage of the given mentions of the institution; answers the ids actually found. */
    public List<UUID> triage(Connection connection, String institutionId, List<UUID> ids, MentionStatus status,
            String assignee, boolean setAssignee, String note, boolean setNote, String actor, Instant now) throws SQLException {
        List<UUID> updated = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE mention SET status = coalesce(?, status),
                       assignee = CASE WHEN ? THEN ? ELSE assignee END,
                       note = CASE WHEN ? THEN ? ELSE note END,
                       triaged_by = ?, triaged_at = ?
                 WHERE institution_id = ? AND id = ANY (?::uuid[])
                RETURNING id""")) {
            statement.setString(1, status == null ? null : status.name());
            statement.setBoolean(2, setAssignee);
            statement.setString(3, assignee);
            statement.setBoolean(4, setNote);
            statement.setString(5, note);
            statement.setString(6, actor);
            statement.setTimestamp(7, Timestamp.from(now));
            statement.setString(8, institutionId);
            statement.setArray(9, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    updated.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return updated;
    }

    /** Current statuses, to audit from → to. */
    public java.util.Map<UUID, String> statuses(Connection connection, String institutionId, List<UUID> ids) throws SQLException {
        java.util.Map<UUID, String> statuses = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, status FROM mention WHERE institution_id = ? AND id = ANY (?::uuid[])")) {
            statement.setString(1, institutionId);
            statement.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return statuses;
    }

    static Where where(String institutionId, MentionFilter f) {
        StringBuilder sql = new StringBuilder("institution_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(institutionId);
        if (f.watchlistId != null) {
            // matched pairs are found by mention_match's primary key, and both sides read only the months asked for
            sql.append(" AND (id, published_at) IN (SELECT mention_id, published_at FROM mention_match WHERE watchlist_id = ?::uuid");
            parameters.add(f.watchlistId.toString());
            if (f.from != null) {
                sql.append(" AND published_at >= ?");
                parameters.add(Timestamp.from(f.from));
            }
            if (f.to != null) {
                sql.append(" AND published_at < ?");
                parameters.add(Timestamp.from(f.to));
            }
            sql.append(")");
        }
        if (f.hoaxId != null) {
            // the condition of the partial index mention_hoaxes_idx (V44), implied by the containment
            sql.append(" AND cardinality(hoax_ids) > 0 AND hoax_ids @> ARRAY[?::uuid]");
            parameters.add(f.hoaxId.toString());
        }
        if (f.alertId != null) {
            sql.append(" AND id IN (SELECT unnest(mention_ids) FROM alert_mention_set WHERE alert_id = ?)");
            parameters.add(f.alertId);
        }
        if (f.platform != null) {
            sql.append(" AND platform = ?");
            parameters.add(f.platform.name());
        }
        if (f.author != null && !f.author.isBlank()) {
            sql.append(" AND author_handle = ?");
            parameters.add(MentionValidation.normaliseHandle(f.author));
        }
        if (f.q != null && !f.q.isBlank()) {
            sql.append(" AND search_vector @@ (websearch_to_tsquery('french', ?) || websearch_to_tsquery('english', ?)"
                    + " || websearch_to_tsquery('simple', ?))");
            // the stored vector is the accent-free text stemmed in the mention's language (V31): fold the query too
            String folded = TextFolding.fold(f.q);
            parameters.add(folded);
            parameters.add(folded);
            parameters.add(folded);
        }
        if (f.from != null) {
            sql.append(" AND published_at >= ?");
            parameters.add(Timestamp.from(f.from));
        }
        if (f.to != null) {
            sql.append(" AND published_at < ?");
            parameters.add(Timestamp.from(f.to));
        }
        if (f.status != null) {
            sql.append(" AND status = ?");
            parameters.add(f.status.name());
        }
        if (f.assignee != null && !f.assignee.isBlank()) {
            sql.append(" AND assignee = ?");
            parameters.add(f.assignee);
        }
        if (f.language != null && !f.language.isBlank()) {
            sql.append(" AND language = ?");
            parameters.add(f.language.toLowerCase(java.util.Locale.ROOT));
        }
        if (f.exerciseId != null) {
            sql.append(" AND exercise_id = ?");
            parameters.add(f.exerciseId);
        }
        if (f.flagged != null) {
            sql.append(f.flagged ? " AND cardinality(hoax_ids) > 0" : " AND cardinality(hoax_ids) = 0");
        }
        if (f.matched != null) {
            sql.append(f.matched ? " AND cardinality(matched_watchlists) > 0" : " AND cardinality(matched_watchlists) = 0");
        }
        return new Where(sql.toString(), parameters);
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        return i;
    }

    private MentionView view(ResultSet rows) throws SQLException {
        Timestamp authorSince = rows.getTimestamp("author_created_at");
        long followers = rows.getLong("author_followers");
        Long knownFollowers = rows.wasNull() ? null : followers;
        String handle = rows.getString("author_handle");
        String name = rows.getString("author_name");
        MentionInput.Author author = handle == null && name == null ? null
                : new MentionInput.Author(handle, name, knownFollowers, authorSince == null ? null : authorSince.toInstant());
        List<MentionView.HoaxMatchView> hoaxes;
        try {
            hoaxes = json.readValue(rows.getString("hoax_matches"), new TypeReference<List<MentionView.HoaxMatchView>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Timestamp triagedAt = rows.getTimestamp("triaged_at");
        short sentiment = rows.getShort("sentiment");
        Sentiment tone = rows.wasNull() ? null : Sentiment.ofCode(sentiment);
        return new MentionView(rows.getObject("id", UUID.class), Platform.valueOf(rows.getString("platform")),
                rows.getString("external_id"), rows.getString("url"), author, rows.getString("text"),
                rows.getString("language"), rows.getBoolean("language_detected"),
                rows.getTimestamp("published_at").toInstant(), rows.getTimestamp("ingested_at").toInstant(),
                new MentionInput.Metrics(rows.getLong("likes"), rows.getLong("shares"), rows.getLong("comments"),
                        rows.getLong("views")),
                rows.getString("in_reply_to"), uuids(rows.getArray("matched_watchlists")), hoaxes,
                strings(rows.getArray("hashtags")), MentionStatus.valueOf(rows.getString("status")),
                rows.getString("assignee"), rows.getString("note"), rows.getString("triaged_by"),
                triagedAt == null ? null : triagedAt.toInstant(), tone, rows.getObject("exercise_id", UUID.class));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }
}
