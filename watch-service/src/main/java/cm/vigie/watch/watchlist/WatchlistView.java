package cm.vigie.watch.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.watch.alert.Severity;

@Schema(name = "Watchlist", description = "A watchlist of the caller's institution")
public record WatchlistView(
        @Schema(examples = "0d3e8d4c-2b7f-4f5e-9a51-3c2b0f6f7a10") UUID id,
        @Schema(examples = "Vaccination") String name,
        @Schema(examples = "vaccin* AND (danger OR mort)") String query,
        @Schema(examples = "[\"fr\"]") List<String> languages,
        @Schema(examples = "[\"FACEBOOK\"]") List<String> platforms,
        @Schema(examples = "HIGH") Severity severity,
        @Schema(examples = "true") boolean active,
        List<AlertRule> alertRules,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-27T08:00:00Z") Instant updatedAt,
        @Schema(description = "The exercise this watchlist was created for; null for real watchlists") UUID exerciseId) {

    static WatchlistView of(Watchlist w) {
        return new WatchlistView(w.id, w.name, w.query, w.languages, w.platforms, w.severity, w.active, w.alertRules,
                w.createdAt, w.updatedAt, w.exerciseId);
    }
}
