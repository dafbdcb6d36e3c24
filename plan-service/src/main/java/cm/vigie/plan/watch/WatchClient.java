package cm.vigie.plan.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.remote.Lookup;
import cm.vigie.plan.remote.RemoteJson;
import cm.vigie.plan.workflow.Severity;

/**
 * Everything plan-service asks watch-service, with the caller's token (documented for the watch team in
 * docs/adr/0011-plan-service.md). Analytics answers are cached briefly per institution; failures never are.
 */
@ApplicationScoped
public class WatchClient {

    static final String SERVICE = "watch-service";
    static final String ALERT = "/api/watch/alerts/";
    static final String HOAX = "/api/watch/hoaxes/";
    static final String VOLUME = "/api/watch/analytics/volume";
    static final String HOAX_VOLUME = "/api/watch/analytics/hoaxes";
    static final String SENTIMENT = "/api/watch/analytics/sentiment";
    static final String ALERT_SLA = "/api/watch/analytics/alerts-sla";

    private record Cached(JsonNode value, Instant until) {
    }

    private final RemoteJson remote;
    private final WatchSettings settings;
    private final CurrentInstitution institution;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    WatchClient(RemoteJson remote, WatchSettings settings, CurrentInstitution institution) {
        this.remote = remote;
        this.settings = settings;
        this.institution = institution;
        this.clock = Clock.systemUTC();
    }

    public Lookup<WatchAlert> alert(UUID id) {
        return get(ALERT + id, Map.of(), false).map(alert -> new WatchAlert(id, severity(alert.path("severity").asText(null)),
                uuid(alert.path("watchlistId").asText(null)), uuid(alert.path("hoaxId").asText(null)),
                uuid(alert.path("exerciseId").asText(null))));
    }

    public Lookup<UUID> hoax(UUID id) {
        return get(HOAX + id, Map.of(), false).map(hoax -> id);
    }

    /** Mentions matched by a watchlist in [from, to): the sum of its daily volume series. */
    public Lookup<Long> watchlistVolume(UUID watchlistId, Instant from, Instant to) {
        return get(VOLUME, window("watchlistId", watchlistId, from, to, true), true).map(WatchClient::sumBuckets);
    }

    /** Mentions flagged for a known hoax in [from, to). */
    public Lookup<Long> hoaxVolume(UUID hoaxId, Instant from, Instant to) {
        return get(HOAX_VOLUME, window("hoaxId", hoaxId, from, to, true), true).map(WatchClient::sumBuckets);
    }

    /**
     * Share of negative mentions among the scored ones, in percent: watch-service's {@code totals.negativeShare} × 100
     * ({@code GET /api/watch/analytics/sentiment}); unavailable when no mention was scored in the period.
     */
    public Lookup<Double> negativeShare(UUID watchlistId, Instant from, Instant to) {
        return percent(get(SENTIMENT, window("watchlistId", watchlistId, from, to, false), true), "/totals/negativeShare",
                "no scored mention in the period");
    }

    /**
     * Share of alerts resolved within their severity's SLA, in percent: watch-service's {@code share} × 100
     * ({@code GET /api/watch/analytics/alerts-sla}); unavailable when no alert of the period has a known outcome yet.
     */
    public Lookup<Double> alertsResolvedInSla(UUID watchlistId, Instant from, Instant to) {
        return percent(get(ALERT_SLA, window("watchlistId", watchlistId, from, to, false), true), "/share",
                "no alert of the period is resolved or past its deadline yet");
    }

    private static Lookup<Double> percent(Lookup<JsonNode> answer, String pointer, String whenNull) {
        if (answer instanceof Lookup.Found<JsonNode> found) {
            JsonNode share = found.value().at(pointer);
            if (!share.isNumber()) {
                return new Lookup.Unavailable<>(whenNull);
            }
            return new Lookup.Found<>(100.0 * share.asDouble());
        }
        return answer.map(ignored -> 0.0);
    }

    private static Map<String, String> window(String key, UUID id, Instant from, Instant to, boolean series) {
        Map<String, String> query = new LinkedHashMap<>();
        if (id != null) {
            query.put(key, id.toString());
        }
        query.put("from", from.toString());
        query.put("to", to.toString());
        if (series) {
            query.put("interval", "DAY");
        }
        return query;
    }

    private Lookup<JsonNode> get(String path, Map<String, String> query, boolean cacheable) {
        String key = institution.slug().orElse("-") + " " + path + " " + query;
        Instant now = clock.instant();
        if (cacheable) {
            Cached cached = cache.get(key);
            if (cached != null && cached.until().isAfter(now)) {
                return new Lookup.Found<>(cached.value());
            }
        }
        Lookup<JsonNode> answer = remote.get(SERVICE, settings.url(), path, query, settings.timeout());
        if (cacheable && answer instanceof Lookup.Found<JsonNode> found) {
            if (cache.size() > 10_000) {
                cache.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
            }
            cache.put(key, new Cached(found.value(), now.plus(settings.cacheTtl())));
        }
        return answer;
    }

    /** watch-service answers {@code {interval, timeZone, series: [{id, name, total, points}]}}, one series per id asked. */
    private static long sumBuckets(JsonNode answer) {
        long total = 0;
        for (JsonNode series : answer.path("series")) {
            for (JsonNode point : series.path("points")) {
                total += point.path("count").asLong();
            }
        }
        return total;
    }

    private static Severity severity(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Severity.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
