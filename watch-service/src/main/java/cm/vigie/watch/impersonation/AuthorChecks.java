package cm.vigie.watch.impersonation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import cm.vigie.watch.alert.AlertEngine;
import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.delivery.AlertBroadcaster;
import cm.vigie.watch.mention.IngestedMention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Whether the authors of new mentions impersonate an official or a protected person. Each new author is recorded
 * PENDING with the batch that brought it; accounts-service is asked once per batch for all of them, off the request
 * path. When it is down (timeout, error, open circuit) ingestion is unaffected and the authors stay PENDING until
 * {@link #completePending()} gets an answer.
 */
@ApplicationScoped
public class AuthorChecks {

    private static final Logger LOG = Logger.getLogger(AuthorChecks.class);

    public record Author(String platform, String handle, String displayName, Long followers, Instant createdAt) {
    }

    private final DataSource dataSource;
    private final ImpersonationClient client;
    private final ImpersonationSettings settings;
    private final AlertEngine alerts;
    private final AlertBroadcaster broadcaster;
    private final ManagedExecutor executor;

    AuthorChecks(DataSource dataSource, ImpersonationClient client, ImpersonationSettings settings, AlertEngine alerts,
            AlertBroadcaster broadcaster, ManagedExecutor executor) {
        this.dataSource = dataSource;
        this.client = client;
        this.settings = settings;
        this.alerts = alerts;
        this.broadcaster = broadcaster;
        this.executor = executor;
    }

    /** Records the authors never seen before in this institution, inside the ingestion transaction. */
    public List<Author> register(Connection connection, String institutionId, List<IngestedMention> created, Instant now)
            throws SQLException {
        if (!settings.enabled()) {
            return List.of();
        }
        Map<String, IngestedMention> distinct = distinctAuthors(created);
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<String> platforms = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> followers = new ArrayList<>();
        List<String> since = new ArrayList<>();
        List<String> mentions = new ArrayList<>();
        for (IngestedMention m : distinct.values()) {
            addColumns(m, platforms, handles, names, followers, since, mentions);
        }
        List<Author> fresh = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO author_check (institution_id, platform, handle, display_name, followers, author_created_at,
                       status, last_mention_id, created_at, next_check_at)
                SELECT ?, u.p, u.h, u.n, u.f::bigint, u.c::timestamptz, 'PENDING', u.m::uuid, ?, ?
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(p, h, n, f, c, m)
                ON CONFLICT DO NOTHING
                RETURNING platform, handle, display_name, followers, author_created_at""")) {
            statement.setString(1, institutionId);
            statement.setTimestamp(2, Timestamp.from(now));
            // the batch's own call has until then; the job takes over after
            statement.setTimestamp(3, Timestamp.from(now.plus(settings.retryAfter())));
            statement.setArray(4, connection.createArrayOf("text", platforms.toArray(String[]::new)));
            statement.setArray(5, connection.createArrayOf("text", handles.toArray(String[]::new)));
            statement.setArray(6, connection.createArrayOf("text", names.toArray(String[]::new)));
            statement.setArray(7, connection.createArrayOf("text", followers.toArray(String[]::new)));
            statement.setArray(8, connection.createArrayOf("text", since.toArray(String[]::new)));
            statement.setArray(9, connection.createArrayOf("text", mentions.toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fresh.add(author(rows));
                }
            }
        }
        return fresh;
    }

    // The batch loops call small methods of their own: compiled once, they keep the JIT's work on register() small.

    /** The batch's authors by platform and handle, sorted: a stable lock order. */
    private static Map<String, IngestedMention> distinctAuthors(List<IngestedMention> created) {
        Map<String, IngestedMention> distinct = new java.util.TreeMap<>();
        for (IngestedMention m : created) {
            if (m.mention().authorHandle() != null) {
                distinct.putIfAbsent(m.mention().platform().name() + ":" + m.mention().authorHandle(), m);
            }
        }
        return distinct;
    }

    private static void addColumns(IngestedMention m, List<String> platforms, List<String> handles, List<String> names,
            List<String> followers, List<String> since, List<String> mentions) {
        platforms.add(m.mention().platform().name());
        handles.add(m.mention().authorHandle());
        names.add(m.mention().authorName());
        followers.add(m.mention().authorFollowers() == null ? null : m.mention().authorFollowers().toString());
        since.add(m.mention().authorCreatedAt() == null ? null : m.mention().authorCreatedAt().toString());
        mentions.add(m.id().toString());
    }

    /** Asks accounts-service about these authors off the caller's thread; failures leave them for the job. */
    public void checkSoon(String institutionId, List<Author> authors) {
        if (authors.isEmpty()) {
            return;
        }
        executor.execute(() -> check(institutionId, authors));
    }

    /** Completes the checks that could not be made when their mentions arrived (accounts-service was down). */
    @Scheduled(every = "${vigie.watch.impersonation.retry-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void completePending() {
        if (!settings.enabled()) {
            return;
        }
        Map<String, List<Author>> byInstitution = new LinkedHashMap<>();
        Instant now = Instant.now();
        // Claims the due checks (pushing their next try back), so that no other run or replica asks again meanwhile.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        UPDATE author_check SET next_check_at = ?
                         WHERE (institution_id, platform, handle) IN (
                               SELECT institution_id, platform, handle FROM author_check
                                WHERE status = 'PENDING' AND next_check_at <= ?
                                ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING institution_id, platform, handle, display_name, followers, author_created_at""")) {
            statement.setTimestamp(1, Timestamp.from(now.plus(settings.retryAfter())));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setInt(3, settings.maxCandidates() * 4);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byInstitution.computeIfAbsent(rows.getString("institution_id"), id -> new ArrayList<>()).add(author(rows));
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not read pending author checks", e);
            return;
        }
        byInstitution.forEach(this::check);
    }

    /** Scores the authors in calls of at most maxCandidates; true when every call succeeded. */
    boolean check(String institutionId, List<Author> authors) {
        for (int from = 0; from < authors.size(); from += settings.maxCandidates()) {
            List<Author> slice = authors.subList(from, Math.min(authors.size(), from + settings.maxCandidates()));
            ScoreResponse response;
            try {
                response = client.score(institutionId, new ScoreRequest(slice.stream()
                        .map(a -> new ScoreRequest.Candidate(a.platform(), a.handle(), a.displayName(), null, null,
                                a.createdAt(), a.followers(), null))
                        .toList()));
            } catch (Exception unavailable) {
                LOG.debugf("Impersonation check deferred for %d authors of %s: %s", slice.size(), institutionId,
                        unavailable.toString());
                markAttempt(institutionId, slice);
                return false;
            }
            List<AlertEvent> events = QuarkusTransaction.requiringNew().call(() -> apply(institutionId, slice, response));
            broadcaster.publish(events);
        }
        return true;
    }

    private List<AlertEvent> apply(String institutionId, List<Author> authors, ScoreResponse response) throws SQLException {
        List<AlertEvent> events = new ArrayList<>();
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            for (ScoreResponse.Result result : response.results()) {
                if (result.index() < 0 || result.index() >= authors.size()) {
                    continue;
                }
                Author author = authors.get(result.index());
                int updated;
                try (PreparedStatement statement = connection.prepareStatement("""
                        UPDATE author_check SET status = 'DONE', verdict = ?, score = ?, checked_at = ?, attempts = attempts + 1
                         WHERE institution_id = ? AND platform = ? AND handle = ? AND status = 'PENDING'""")) {
                    statement.setString(1, result.verdict());
                    statement.setObject(2, result.score());
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setString(4, institutionId);
                    statement.setString(5, author.platform());
                    statement.setString(6, author.handle());
                    updated = statement.executeUpdate();
                }
                if (updated == 1 && ScoreResponse.LIKELY_IMPERSONATION.equals(result.verdict())) {
                    events.add(alertFor(connection, institutionId, author, now));
                }
            }
        }
        return events;
    }

    private AlertEvent alertFor(Connection connection, String institutionId, Author author, Instant now) throws SQLException {
        List<UUID> mentionIds = new ArrayList<>();
        Instant firstPublished = null;
        Instant firstIngested = null;
        // an author seen only in one exercise's mentions raises that exercise's alert; any real mention makes it real
        java.util.Set<UUID> exercises = new java.util.HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, published_at, ingested_at, exercise_id FROM mention
                 WHERE institution_id = ? AND platform = ? AND author_handle = ? ORDER BY published_at LIMIT 1000""")) {
            statement.setString(1, institutionId);
            statement.setString(2, author.platform());
            statement.setString(3, author.handle());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    mentionIds.add(rows.getObject("id", UUID.class));
                    exercises.add(rows.getObject("exercise_id", UUID.class));
                    Instant published = rows.getTimestamp("published_at").toInstant();
                    Instant ingested = rows.getTimestamp("ingested_at").toInstant();
                    firstPublished = firstPublished == null || published.isBefore(firstPublished) ? published : firstPublished;
                    firstIngested = firstIngested == null || ingested.isBefore(firstIngested) ? ingested : firstIngested;
                }
            }
        }
        return alerts.impersonation(connection, institutionId, author.platform(), author.handle(), author.displayName(),
                mentionIds, firstPublished, firstIngested,
                exercises.size() == 1 ? exercises.iterator().next() : null, now);
    }

    private void markAttempt(String institutionId, List<Author> authors) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        UPDATE author_check SET attempts = attempts + 1
                         WHERE institution_id = ? AND platform = ? AND handle = ? AND status = 'PENDING'""")) {
            for (Author author : authors) {
                statement.setString(1, institutionId);
                statement.setString(2, author.platform());
                statement.setString(3, author.handle());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            LOG.warn("Could not record a deferred author check", e);
        }
    }

    private static Author author(ResultSet rows) throws SQLException {
        Timestamp since = rows.getTimestamp("author_created_at");
        long followers = rows.getLong("followers");
        Long known = rows.wasNull() ? null : followers;
        return new Author(rows.getString("platform"), rows.getString("handle"), rows.getString("display_name"), known,
                since == null ? null : since.toInstant());
    }
}
