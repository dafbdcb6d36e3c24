package cm.vigie.watch.watchlist;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cm.vigie.watch.alert.Severity;

/** What ingestion and alerting need of an active watchlist, read once per engine build. */
public record WatchlistSnapshot(UUID id, String name, Severity severity, Set<String> languages, Set<String> platforms,
        List<AlertRule> alertRules) {

    /** Whether the watchlist's own language and platform restrictions let this mention through. */
    public boolean admits(String platform, String language) {
        String primary = language == null ? "" : language.split("-", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return (platforms.isEmpty() || platform != null && platforms.contains(platform.toUpperCase(java.util.Locale.ROOT)))
                && (languages.isEmpty() || languages.contains(primary));
    }
}
