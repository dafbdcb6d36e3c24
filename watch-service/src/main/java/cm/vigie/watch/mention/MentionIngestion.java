package cm.vigie.watch.mention;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.watch.alert.AlertEngine;
import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.delivery.AlertBroadcaster;
import cm.vigie.watch.hoax.HoaxDetector;
import cm.vigie.watch.impersonation.AuthorChecks;
import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.retention.MentionPartitions;
import cm.vigie.watch.sentiment.SentimentAnalyzer;
import cm.vigie.watch.watchlist.WatchlistEngines;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way mentions enter Vigie, for the ingest API and every connector. Each item is checked on its own; the
 * valid ones are matched against the institution's watchlists and known hoaxes, stored (a repeat of a stored
 * platform and external id only refreshes its metrics) and alerted on, all in one transaction: when this returns,
 * what it accepted is committed. Alerts then go to the stream and webhooks; new authors to the impersonation check.
 */
@ApplicationScoped
public class MentionIngestion {

    public static final int MAX_BATCH = 1_000;

    private final DataSource dataSource;
    private final WatchlistEngines engines;
    private final HoaxDetector hoaxes;
    private final MentionWriter writer;
    private final AlertEngine alerts;
    private final AuthorChecks authors;
    private final AlertBroadcaster broadcaster;
    private final SentimentAnalyzer sentiment;
    private final ObjectMapper json;
    private final MentionPartitions partitions;

    MentionIngestion(DataSource dataSource, WatchlistEngines engines, HoaxDetector hoaxes, MentionWriter writer,
            AlertEngine alerts, AuthorChecks authors, AlertBroadcaster broadcaster, SentimentAnalyzer sentiment,
            ObjectMapper json, MentionPartitions partitions) {
        this.partitions = partitions;
        this.sentiment = sentiment;
        this.dataSource = dataSource;
        this.engines = engines;
        this.hoaxes = hoaxes;
        this.writer = writer;
        this.alerts = alerts;
        this.authors = authors;
        this.broadcaster = broadcaster;
        this.json = json;
    }

    /** Ingests a batch for an institution (connectors call this with the institution they collect for). */
    public IngestResult ingest(String institutionId, List<MentionInput> mentions) {
        return ingest(institutionId, null, mentions, Map.of(), null);
    }

    /**
     * @param exerciseId marks the batch's new mentions and their alerts as data of this exercise; null for real data
     * @param unreadable items that could not even be read (wrong JSON types), by index; {@code mentions} holds null there
     * @param idempotency the caller's Idempotency-Key and a hash of the batch, or null
     */
    public IngestResult ingest(String institutionId, UUID exerciseId, List<MentionInput> mentions,
            Map<Integer, List<FieldError>> unreadable, Idempotency idempotency) {
        if (mentions.size() > MAX_BATCH) {
            throw ProblemException.invalid("mentions", "mention.batch.too-many");
        }
        Instant now = Instant.now();
        Instant horizon = partitions.horizon(now);
        Map<Integer, List<FieldError>> rejected = new LinkedHashMap<>(unreadable);
        Map<String, PreparedMention> distinct = new LinkedHashMap<>();
        int repeatsInBatch = 0;
        for (int index = 0; index < mentions.size(); index++) {
            if (rejected.containsKey(index)) {
                continue;
            }
            switch (MentionValidation.check(index, mentions.get(index), now, horizon)) {
                case MentionValidation.Invalid invalid -> rejected.put(index, invalid.errors());
                case MentionValidation.Valid valid -> {
                    if (distinct.put(valid.mention().key(), valid.mention()) != null) {
                        repeatsInBatch++;
                    }
                }
            }
        }
        List<PreparedMention> prepared = new ArrayList<>(distinct.size());
        for (PreparedMention mention : distinct.values()) {
            prepared.add(enrich(institutionId, mention));
        }
        // rows are locked in this order: the same order in every batch keeps concurrent batches from deadlocking
        prepared.sort(java.util.Comparator.comparing(PreparedMention::key));
        final int repeats = repeatsInBatch;
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> store(institutionId, exerciseId, prepared,
                rejected, repeats, idempotency, now));
        if (!outcome.replayed()) {
            broadcaster.publish(outcome.events());
            authors.checkSoon(institutionId, outcome.newAuthors());
        }
        return outcome.result();
    }

    public record Idempotency(String key, String requestHash) {

        public static Idempotency of(String key, byte[] body) {
            try {
                return new Idempotency(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Idempotency of(String key, String body) {
            return of(key, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Outcome(IngestResult result, List<AlertEvent> events, List<AuthorChecks.Author> newAuthors,
            boolean replayed) {
    }

    private PreparedMention enrich(String institutionId, PreparedMention m) {
        List<String> domains = new ArrayList<>();
        if (m.url() != null) {
            Domains.hostOf(m.url()).ifPresent(domains::add);
        }
        MatchDocument document = new MatchDocument(m.text(), m.authorHandle(), m.platform().name().toLowerCase(java.util.Locale.ROOT),
                m.language(), domains);
        TextAnalysis analysis = m.analysis();
        return new PreparedMention(m.index(), m.id(), m.platform(), m.externalId(), m.url(), m.authorHandle(), m.authorName(),
                m.authorFollowers(), m.authorCreatedAt(), m.text(), analysis, m.language(), m.languageDetected(),
                m.publishedAt(), m.likes(), m.shares(), m.comments(), m.views(), m.inReplyTo(),
                engines.match(institutionId, document, analysis.tokens()),
                hoaxes.detect(institutionId, analysis.contentWords()),
                sentiment.score(m.text(), analysis.tokens(), m.language()).orElse(null));
    }

    private Outcome store(String institutionId, UUID exerciseId, List<PreparedMention> prepared, Map<Integer, List<FieldError>> rejected,
            int repeatsInBatch, Idempotency idempotency, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (idempotency != null) {
                Optional<IngestResult> earlier = claim(connection, institutionId, idempotency, now);
                if (earlier.isPresent()) {
                    return new Outcome(earlier.get(), List.of(), List.of(), true);
                }
            }
            List<IngestedMention> stored = writer.upsert(connection, institutionId, exerciseId, prepared, now);
            List<IngestedMention> created = stored.stream().filter(IngestedMention::created).toList();
            List<AuthorChecks.Author> newAuthors = authors.register(connection, institutionId, created, now);
            // last: the alert rows it locks are shared by concurrent batches, so they are held for the shortest time
            List<AlertEvent> events = alerts.evaluate(connection, institutionId, stored,
                    engines.compiled(institutionId).watchlists(), now);
            List<IngestResult.Rejection> rejections = rejected.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new IngestResult.Rejection(e.getKey(), e.getValue())).toList();
            IngestResult result = new IngestResult(created.size(), stored.size() - created.size() + repeatsInBatch, rejections);
            if (idempotency != null) {
                remember(connection, institutionId, idempotency, result);
            }
            return new Outcome(result, events, newAuthors, false);
        }
    }

    /**
     * Claims the key for this batch. A concurrent batch with the same key waits here on the primary key until the
     * first commits, then reads its answer.
     */
    private Optional<IngestResult> claim(Connection connection, String institutionId, Idempotency idempotency, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ingest_idempotency (institution_id, idempotency_key, request_hash, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, institutionId);
            insert.setString(2, idempotency.key());
            insert.setString(3, idempotency.requestHash());
            insert.setTimestamp(4, Timestamp.from(now));
            if (insert.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT request_hash, response FROM ingest_idempotency WHERE institution_id = ? AND idempotency_key = ?""")) {
            select.setString(1, institutionId);
            select.setString(2, idempotency.key());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                if (!idempotency.requestHash().equals(row.getString("request_hash"))) {
                    throw new ProblemException(ProblemType.UNPROCESSABLE, "mention.idempotency.reused");
                }
                return Optional.of(json.readValue(row.getString("response"), IngestResult.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void remember(Connection connection, String institutionId, Idempotency idempotency, IngestResult result)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE ingest_idempotency SET response = ?::jsonb WHERE institution_id = ? AND idempotency_key = ?""")) {
            update.setString(1, json.writeValueAsString(result));
            update.setString(2, institutionId);
            update.setString(3, idempotency.key());
            update.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
