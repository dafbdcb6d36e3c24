package cm.vigie.watch.watchlist;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cm.vigie.watch.alert.Severity;
import cm.vigie.watch.mention.Platform;

@Schema(name = "WatchlistRequest", description = "A watchlist: what to watch and how urgent its matches are")
public record WatchlistRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Vaccination") String name,
        @NotBlank @Size(max = 4000) @Schema(description = "Query in the language of docs/query-language.md", examples = "(vaccin* OR vaccination) AND (danger OR mort) NOT lang:en") String query,
        @Size(max = 20) @Schema(description = "ISO 639-1 codes; empty means every language", examples = "[\"fr\", \"en\"]") List<@NotNull @Pattern(regexp = "[a-z]{2,3}", message = "{vigie.language.pattern}") String> languages,
        @Size(max = 20) @Schema(description = "Empty means every platform", examples = "[\"FACEBOOK\", \"X\"]") List<@NotNull Platform> platforms,
        @Schema(description = "Default LOW", examples = "HIGH") Severity severity,
        @Schema(description = "Default true", examples = "true") Boolean active,
        @Size(max = 10) @Schema(description = "Default: one KEYWORD rule (every match alerts)") List<@Valid @NotNull AlertRule> alertRules,
        @Schema(description = "Marks a watchlist created for an exercise; absent for real watchlists", examples = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b") UUID exerciseId) {
}
