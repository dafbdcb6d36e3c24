package cm.vigie.watch.watchlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.watch.matching.MatchDocument;
import cm.vigie.watch.matching.MatchingEngine;
import cm.vigie.watch.matching.Query;
import cm.vigie.watch.mention.LanguageDetector;
import cm.vigie.watch.mention.MentionRepository;
import cm.vigie.watch.mention.MentionView;

/** Tries a watchlist's query without saving anything: on sample texts, or on recent stored mentions. */
@ApplicationScoped
public class WatchlistDryRun {

    static final int MAX_MENTIONS = 5_000;

    private final WatchlistService watchlists;
    private final MentionRepository mentions;

    WatchlistDryRun(WatchlistService watchlists, MentionRepository mentions) {
        this.watchlists = watchlists;
        this.mentions = mentions;
    }

    public DryRunResult run(java.util.UUID id, DryRunRequest request) {
        Watchlist watchlist = watchlists.get(id);
        boolean texts = request.texts() != null;
        if (texts == (request.days() != null)) {
            throw ProblemException.invalid("texts", "watchlist.dry-run.one-of");
        }
        Query query = watchlists.validate(watchlist.query).query();
        MatchingEngine engine = MatchingEngine.compile(Map.of(watchlist.id, query));
        List<DryRunResult.Item> results = new ArrayList<>();
        if (texts) {
            for (int i = 0; i < request.texts().size(); i++) {
                String text = request.texts().get(i);
                MatchDocument document = new MatchDocument(text, null, null, LanguageDetector.detect(text), List.of());
                boolean matched = engine.match(document).contains(watchlist.id);
                results.add(new DryRunResult.Item(i, matched, matched ? MatchingEngine.highlights(query, document) : List.of(),
                        null));
            }
            return new DryRunResult(results, null);
        }
        List<MentionView> recent = mentions.since(watchlists.institutionId(),
                Instant.now().minus(Duration.ofDays(request.days())), MAX_MENTIONS);
        for (int i = 0; i < recent.size(); i++) {
            MentionView mention = recent.get(i);
            List<String> domains = new ArrayList<>();
            if (mention.url() != null) {
                try {
                    String host = java.net.URI.create(mention.url()).getHost();
                    if (host != null) {
                        domains.add(host.toLowerCase(java.util.Locale.ROOT));
                    }
                } catch (IllegalArgumentException ignored) {
                    // a stored URL that does not parse has no domain
                }
            }
            MatchDocument document = new MatchDocument(mention.text(),
                    mention.author() == null ? null : mention.author().handle(),
                    mention.platform().name().toLowerCase(java.util.Locale.ROOT), mention.language(), domains);
            if (engine.match(document).contains(watchlist.id)
                    && snapshotAdmits(watchlist, mention.platform().name(), mention.language())) {
                results.add(new DryRunResult.Item(i, true, MatchingEngine.highlights(query, document), mention.id()));
            }
        }
        return new DryRunResult(results, recent.size());
    }

    private static boolean snapshotAdmits(Watchlist watchlist, String platform, String language) {
        return new WatchlistSnapshot(watchlist.id, watchlist.name, watchlist.severity,
                new java.util.HashSet<>(watchlist.languages), new java.util.HashSet<>(watchlist.platforms),
                watchlist.alertRules).admits(platform, language);
    }
}
