package cm.vigie.watch.mention;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.watch.hoax.HoaxMatch;

/**
 * Stores a batch in one statement: rows go in as parallel arrays through {@code unnest}, and a repeat of a stored
 * (platform, externalId) only refreshes its metrics. A fresh row carries the id proposed for it, an updated one its
 * stored id: that tells them apart ({@code xmax} cannot be read from a partitioned table, ADR 0031). The
 * same statement writes the new mentions' {@code mention_match} rows (one per matched watchlist, feeding series and
 * share of voice) from the rows it inserted, so they cost neither a round trip nor arrays of their own.
 */
@ApplicationScoped
public class MentionWriter {

    // The outer SELECT reads the statement's snapshot, taken before the upsert: for a repeat it sees the metrics as
    // they were, which tells a repost that just crossed a REACH threshold. Match rows are written for new mentions
    // only, whose ids are new and whose watchlists are distinct (a set), so they need no ON CONFLICT clause, whose
    // speculative insertion cost ~10 % of the statement (ADR 0023).
    private static final String UPSERT = """
            WITH stored AS (
            INSERT INTO mention (id, institution_id, platform, external_id, url, author_handle, author_name,
                   author_followers, author_created_at, text, text_folded, language, language_detected, published_at,
                   ingested_at, likes, shares, comments, views, in_reply_to, matched_watchlists, hoax_ids, hoax_matches,
                   hashtags, sentiment, exercise_id)
            SELECT u.id::uuid, ?, u.platform, u.external_id, u.url, u.author_handle, u.author_name, u.followers::bigint,
                   u.author_created_at::timestamptz, u.text, u.text_folded, u.language, u.detected::boolean,
                   u.published_at::timestamptz, ?, u.likes, u.shares, u.comments, u.views,
                   u.in_reply_to, u.watchlists::uuid[], u.hoax_ids::uuid[], u.hoax_matches::jsonb, u.hashtags::text[],
                   u.sentiment::smallint, ?::uuid
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::int8[], ?::int8[])
                   AS u(id, platform, external_id, url, author_handle, author_name, followers, author_created_at, text,
                        text_folded, language, detected, published_at, in_reply_to, watchlists, hoax_ids, hoax_matches,
                        hashtags, sentiment, likes, shares, comments, views)
            ON CONFLICT (institution_id, platform, external_id, published_at) DO UPDATE
               SET likes = EXCLUDED.likes, shares = EXCLUDED.shares, comments = EXCLUDED.comments, views = EXCLUDED.views,
                   author_followers = coalesce(EXCLUDED.author_followers, mention.author_followers)
            RETURNING id, institution_id, platform, external_id, (id = ANY (?::uuid[])) AS created, published_at, ingested_at,
                      exercise_id, matched_watchlists),
            matches AS (
            INSERT INTO mention_match (institution_id, watchlist_id, mention_id, published_at, exercise_id)
            SELECT s.institution_id, w.id, s.id, s.published_at, s.exercise_id
              FROM stored s CROSS JOIN LATERAL unnest(s.matched_watchlists) AS w(id)
             WHERE s.created)
            SELECT s.id, s.platform, s.external_id, s.created, s.ingested_at, s.exercise_id,
                   CASE WHEN s.created THEN NULL ELSE s.matched_watchlists END AS matched_watchlists,
                   CASE WHEN s.created THEN NULL
                        ELSE (SELECT o.likes + o.shares + o.comments FROM mention o
                               WHERE o.institution_id = s.institution_id AND o.id = s.id AND o.published_at = s.published_at)
                        END AS previous_engagement
              FROM stored s""";

    private final ObjectMapper json;

    MentionWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Upserts the mentions (distinct by platform and external id) and tells which were new. */
    public List<IngestedMention> upsert(Connection connection, String institutionId, UUID exerciseId,
            List<PreparedMention> mentions, Instant ingestedAt) throws SQLException {
        if (mentions.isEmpty()) {
            return List.of();
        }
        int n = mentions.size();
        String[][] columns = new String[19][n];
        long[][] metrics = new long[4][n];
        for (int i = 0; i < n; i++) {
            fill(columns, metrics, i, mentions.get(i));
        }
        Map<String, PreparedMention> byKey = new HashMap<>();
        mentions.forEach(m -> byKey.put(m.key(), m));
        List<IngestedMention> stored = new ArrayList<>(n);
        List<Array> arrays = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, institutionId);
            statement.setTimestamp(2, Timestamp.from(ingestedAt));
            statement.setObject(3, exerciseId);
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf("text", columns[c]);
                arrays.add(array);
                statement.setArray(4 + c, array);
            }
            for (int c = 0; c < metrics.length; c++) {
                // sent as binary int8[]: no number is printed and parsed again
                statement.setObject(4 + columns.length + c, metrics[c]);
            }
            // a new row carries the id proposed for it, a repeat keeps its stored id
            statement.setArray(4 + columns.length + metrics.length, arrays.get(0));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(read(rows, byKey));
                }
            }
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
        stored.sort(java.util.Comparator.comparingInt(s -> s.mention().index()));
        return stored;
    }

    // The per-row work of a batch lives in its own methods: they are compiled once on their own, and the batch
    // loops around them stay small for the JIT, which otherwise recompiled the whole method several times.

    private void fill(String[][] columns, long[][] metrics, int i, PreparedMention m) {
        String[] row = { m.id().toString(), m.platform().name(), m.externalId(), m.url(), m.authorHandle(),
                m.authorName(), m.authorFollowers() == null ? null : m.authorFollowers().toString(),
                m.authorCreatedAt() == null ? null : m.authorCreatedAt().toString(), m.text(), m.textFolded(),
                m.language(), Boolean.toString(m.languageDetected()), m.publishedAt().toString(), m.inReplyTo(),
                arrayLiteral(m.matchedWatchlists().stream().map(UUID::toString).toList()),
                arrayLiteral(m.hoaxMatches().stream().map(h -> h.hoaxId().toString()).toList()), hoaxJson(m.hoaxMatches()),
                arrayLiteral(m.hashtags()), m.sentiment() == null ? null : Short.toString(m.sentiment().code()) };
        for (int c = 0; c < row.length; c++) {
            columns[c][i] = row[c];
        }
        metrics[0][i] = m.likes();
        metrics[1][i] = m.shares();
        metrics[2][i] = m.comments();
        metrics[3][i] = m.views();
    }

    private static IngestedMention read(ResultSet rows, Map<String, PreparedMention> byKey) throws SQLException {
        PreparedMention mention = byKey.get(rows.getString("platform") + "\u0000" + rows.getString("external_id"));
        boolean created = rows.getBoolean("created");
        long previous = rows.getLong("previous_engagement");
        Long previousEngagement = rows.wasNull() ? null : previous;
        List<UUID> storedWatchlists = created ? mention.matchedWatchlists()
                : java.util.Arrays.stream((Object[]) rows.getArray("matched_watchlists").getArray())
                        .map(UUID.class::cast).toList();
        return new IngestedMention(rows.getObject("id", UUID.class), mention, created,
                rows.getTimestamp("ingested_at").toInstant(), previousEngagement, storedWatchlists,
                rows.getObject("exercise_id", UUID.class));
    }

    private String hoaxJson(List<HoaxMatch> matches) {
        if (matches.isEmpty()) {
            return "[]";
        }
        try {
            return json.writeValueAsString(matches);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PostgreSQL array literal with every element quoted. */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
