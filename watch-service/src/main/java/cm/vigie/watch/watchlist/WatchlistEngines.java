package cm.vigie.watch.watchlist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.cluster.ClusterChanges;
import cm.vigie.watch.alert.Severity;
import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.matching.MatchingEngine;
import cm.vigie.watch.matching.Query;
import cm.vigie.watch.matching.QueryParser;
import cm.vigie.watch.matching.analysis.AnalyzedText;
import cm.vigie.watch.matching.analysis.TextAnalyzer;
import io.quarkus.runtime.StartupEvent;

/**
 * The compiled matching engine of each institution's active watchlists (their alert rules included). Built on first
 * use, dropped when a watchlist of the institution changes, rebuilt on the next match: no restart. A change is
 * announced in its transaction (topic {@value #TOPIC}) and dropped on every replica once committed: at once here, by
 * notification elsewhere, or at the next version check when a notification was lost (ADR 0029). A generation counter
 * keeps a build that raced with a change from being cached.
 */
@ApplicationScoped
public class WatchlistEngines {

    private static final Logger LOG = Logger.getLogger(WatchlistEngines.class);

    /** @param engine null when the institution has no active watchlist */
    public record Compiled(MatchingEngine engine, Map<UUID, WatchlistSnapshot> watchlists) {
    }

    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    /** The {@link ClusterChanges} topic of watchlist changes, scoped by institution. */
    public static final String TOPIC = "watchlists";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final ClusterChanges changes;
    private AutoCloseable following;

    WatchlistEngines(DataSource dataSource, ObjectMapper json, ClusterChanges changes) {
        this.dataSource = dataSource;
        this.json = json;
        this.changes = changes;
    }

    void start(@Observes StartupEvent start) {
        following = changes.follow(TOPIC, this::invalidate);
        // anything built before following began may predate a change announced meanwhile
        List.copyOf(cache.keySet()).forEach(this::invalidate);
    }

    @PreDestroy
    void stop() throws Exception {
        if (following != null) {
            following.close();
        }
    }

    /** The active watchlists of the institution that match the document and admit its platform and language. */
    public List<UUID> match(String institutionId, MatchDocument document) {
        return match(institutionId, document, TextAnalyzer.analyze(document.text()));
    }

    /** The same, with the document's text already analysed ({@code TextAnalyzer.analyze(document.text())}). */
    public List<UUID> match(String institutionId, MatchDocument document, AnalyzedText analyzed) {
        Compiled compiled = compiled(institutionId);
        if (compiled.watchlists().isEmpty()) {
            return List.of();
        }
        List<UUID> matched = new ArrayList<>();
        for (UUID id : compiled.engine().match(document, analyzed)) {
            WatchlistSnapshot watchlist = compiled.watchlists().get(id);
            if (watchlist != null && watchlist.admits(document.platform(), document.language())) {
                matched.add(id);
            }
        }
        matched.sort(null);
        return matched;
    }

    public Compiled compiled(String institutionId) {
        Compiled compiled = cache.get(institutionId);
        if (compiled != null) {
            return compiled;
        }
        long generation = generation(institutionId).get();
        compiled = build(institutionId);
        if (generation(institutionId).get() == generation) {
            cache.put(institutionId, compiled);
        }
        return compiled;
    }

    /** Inside the change's transaction: every replica hears of it only if it commits. */
    void announce(@Observes WatchlistChanged change) {
        changes.announce(TOPIC, change.institutionId());
    }

    /** This replica drops its engine at once, without waiting for its own notification. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) WatchlistChanged change) {
        invalidate(change.institutionId());
    }

    public void invalidate(String institutionId) {
        generation(institutionId).incrementAndGet();
        cache.remove(institutionId);
    }

    private AtomicLong generation(String institutionId) {
        return generations.computeIfAbsent(institutionId, id -> new AtomicLong());
    }

    private Compiled build(String institutionId) {
        Map<UUID, Query> queries = new HashMap<>();
        Map<UUID, WatchlistSnapshot> snapshots = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT id, name, query, languages, platforms, severity, alert_rules
                          FROM watchlist WHERE institution_id = ? AND active""")) {
            statement.setString(1, institutionId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    var parsed = QueryParser.parse(rows.getString("query"));
                    if (!parsed.valid()) {
                        // saved queries are validated; one that no longer parses (grammar change) is skipped, not fatal
                        LOG.warnf("Watchlist %s of %s no longer parses; skipped", id, institutionId);
                        continue;
                    }
                    queries.put(id, parsed.query());
                    snapshots.put(id, new WatchlistSnapshot(id, rows.getString("name"),
                            Severity.valueOf(rows.getString("severity")), readSet(rows.getString("languages")),
                            readSet(rows.getString("platforms")),
                            json.readValue(rows.getString("alert_rules"), new TypeReference<List<AlertRule>>() {
                            })));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Could not load the watchlists of " + institutionId, e);
        }
        return new Compiled(queries.isEmpty() ? null : MatchingEngine.compile(queries), Map.copyOf(snapshots));
    }

    private Set<String> readSet(String array) throws java.io.IOException {
        return new LinkedHashSet<>(json.readValue(array, new TypeReference<List<String>>() {
        }));
    }
}
