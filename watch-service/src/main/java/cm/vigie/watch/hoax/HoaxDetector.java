package cm.vigie.watch.hoax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import cm.vigie.commons.cluster.ClusterChanges;
import cm.vigie.watch.hoax.similarity.NearDuplicateIndex;
import cm.vigie.watch.hoax.similarity.Shingles;
import cm.vigie.watch.hoax.similarity.TextNormalizer;
import io.quarkus.runtime.StartupEvent;

/**
 * Finds the known hoaxes (the institution's own and the shared ones) that a text restates. Called by ingestion for
 * every mention; answers from in-memory near-duplicate indexes, one per institution (loaded on first use) and one
 * for the shared registry. A change is announced in its transaction (topic {@value #TOPIC}, scoped by institution, and
 * {@link ClusterChanges#ALL} when the shared registry changed): this replica rebuilds the affected indexes right after
 * the commit, the others on the notification, or at the next version check when it was lost (ADR 0029).
 */
@ApplicationScoped
public class HoaxDetector {

    private static final Logger LOG = Logger.getLogger(HoaxDetector.class);

    /** The {@link ClusterChanges} topic of hoax changes. */
    public static final String TOPIC = "hoaxes";

    private final HoaxIndexLoader loader;
    private final ClusterChanges changes;
    private final Map<String, NearDuplicateIndex<UUID>> own = new ConcurrentHashMap<>();
    private final Object sharedLock = new Object();
    private volatile NearDuplicateIndex<UUID> published;
    private AutoCloseable following;

    HoaxDetector(HoaxIndexLoader loader, ClusterChanges changes) {
        this.loader = loader;
        this.changes = changes;
    }

    void start(@Observes StartupEvent start) {
        following = changes.follow(TOPIC, this::changed);
        // an index built before following began may predate a change announced meanwhile
        reloadAll();
    }

    @PreDestroy
    void stop() throws Exception {
        if (following != null) {
            following.close();
        }
    }

    /** The hoaxes the text is a near-duplicate of, most similar first; empty when none. */
    public List<HoaxMatch> detect(String institutionId, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return detect(institutionId, TextNormalizer.words(text));
    }

    /** The same, from the text's content words ({@code TextNormalizer.words(text)}), worked out by the caller. */
    public List<HoaxMatch> detect(String institutionId, List<String> contentWords) {
        if (contentWords.isEmpty()) {
            return List.of();
        }
        Shingles shingles = Shingles.of(contentWords);
        Map<UUID, Double> best = new HashMap<>();
        if (institutionId != null) {
            for (var match : own.computeIfAbsent(institutionId, loader::own).query(shingles)) {
                best.merge(match.key(), match.similarity(), Math::max);
            }
        }
        for (var match : published().query(shingles)) {
            best.merge(match.key(), match.similarity(), Math::max);
        }
        List<HoaxMatch> matches = new ArrayList<>(best.size());
        best.forEach((id, similarity) -> matches.add(new HoaxMatch(id, Math.round(similarity * 1000) / 1000.0)));
        matches.sort(Comparator.comparingDouble(HoaxMatch::similarity).reversed().thenComparing(HoaxMatch::hoaxId));
        return matches;
    }

    /** Inside the change's transaction: every replica hears of it only if it commits. */
    void announce(@Observes HoaxChanged change) {
        changes.announce(TOPIC, change.institutionId());
        if (change.sharedRegistryChanged()) {
            changes.announce(TOPIC, ClusterChanges.ALL);
        }
    }

    /** This replica rebuilds at once, without waiting for its own notification. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) HoaxChanged change) {
        changed(change.institutionId());
        if (change.sharedRegistryChanged()) {
            changed(ClusterChanges.ALL);
        }
    }

    /** Rebuilds what a change of this scope (an institution, or the shared registry) made stale. */
    private void changed(String scope) {
        if (ClusterChanges.ALL.equals(scope)) {
            reloadPublished();
        } else {
            own.computeIfPresent(scope, (institution, stale) -> loader.own(institution));
        }
    }

    /** Rebuilds every index held. */
    void reloadAll() {
        try {
            for (String institution : List.copyOf(own.keySet())) {
                own.computeIfPresent(institution, (key, stale) -> loader.own(key));
            }
            reloadPublished();
        } catch (RuntimeException e) {
            LOG.warn("Could not reload the known hoaxes; the previous indexes keep serving", e);
        }
    }

    private NearDuplicateIndex<UUID> published() {
        NearDuplicateIndex<UUID> index = published;
        if (index == null) {
            synchronized (sharedLock) {
                if (published == null) {
                    published = loader.published();
                }
                index = published;
            }
        }
        return index;
    }

    private void reloadPublished() {
        synchronized (sharedLock) {
            published = loader.published();
        }
    }
}
